using Microsoft.AspNetCore.Mvc;
using ShopCopilot.Data;
using ShopCopilot.Models;
using ShopCopilot.Services;

namespace ShopCopilot.Controllers;

[ApiController]
[Route("api/media")]
public sealed class MediaController(IMediaStudio studio, IContentStore store, IBlobStore blobs) : ControllerBase
{
    [HttpPost("images")]
    public async Task<ActionResult<MediaView>> CreateImage([FromBody] ImageRequest request, CancellationToken ct)
    {
        var row = await studio.CreateProductImageAsync(request, ct);
        return CreatedAtAction(nameof(Download), new { id = row.Id }, row.ToView($"{Request.Scheme}://{Request.Host}"));
    }

    [HttpPost("voiceovers")]
    public async Task<ActionResult<MediaView>> CreateVoiceOver([FromBody] VoiceOverRequest request, CancellationToken ct)
    {
        if (request.Script.Length > 1500)
        {
            return BadRequest(new { error = "Script is limited to 1500 characters", length = request.Script.Length });
        }

        var row = await studio.CreateVoiceOverAsync(request, ct);
        return CreatedAtAction(nameof(Download), new { id = row.Id }, row.ToView($"{Request.Scheme}://{Request.Host}"));
    }

    [HttpPost("voiceovers/preview")]
    public async Task<IActionResult> PreviewVoiceOver([FromBody] VoiceOverRequest request, CancellationToken ct)
    {
        var audio = await studio.RenderVoicePreviewAsync(request.Script, request.Voice, ct);
        return File(audio.ToStream(), "audio/mpeg", $"{request.Sku}-preview.mp3");
    }

    [HttpGet("{id}")]
    public async Task<IActionResult> Download(string id, CancellationToken ct)
    {
        var row = await store.GetMediaAsync(id, ct);
        if (row is null)
        {
            return NotFound();
        }

        return File(blobs.OpenRead(row.Path), row.ContentType, enableRangeProcessing: true);
    }

    [HttpGet("{id}/info")]
    public async Task<IActionResult> Info(string id, CancellationToken ct)
    {
        var row = await store.GetMediaAsync(id, ct);
        return row is null ? NotFound() : Ok(new { row.Id, row.Sku, row.Kind, row.ContentType, row.Bytes });
    }
}
