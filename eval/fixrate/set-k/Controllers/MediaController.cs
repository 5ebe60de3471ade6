using ListingAssistant.Models;
using ListingAssistant.Services;
using Microsoft.AspNetCore.Mvc;

namespace ListingAssistant.Controllers;

[ApiController]
[Route("api/media")]
public sealed class MediaController(IMediaStudio studio, ILogger<MediaController> logger) : ControllerBase
{
    private static readonly string[] AllowedImageTypes = ["image/jpeg", "image/png", "image/webp"];
    private const long MaxPhotoBytes = 15 * 1024 * 1024;

    [HttpPost("staging")]
    [RequestSizeLimit(MaxPhotoBytes)]
    public async Task<ActionResult<StagingResultDto>> StageRoom(
        [FromForm] string roomType,
        [FromForm] string style,
        [FromForm] string? notes,
        IFormFile? photo,
        CancellationToken ct)
    {
        if (photo is not null && !AllowedImageTypes.Contains(photo.ContentType))
        {
            return BadRequest("Photo must be JPEG, PNG or WebP.");
        }

        await using var stream = photo?.OpenReadStream();
        var result = await studio.StageRoomAsync(stream, photo?.FileName, roomType, style, notes, ct);
        return Ok(result);
    }

    [HttpPost("captions")]
    [RequestSizeLimit(MaxPhotoBytes * 5)]
    public async Task<ActionResult<IReadOnlyList<CaptionDto>>> CaptionPhotos(
        [FromForm] List<IFormFile> photos,
        [FromForm] string? roomHint,
        CancellationToken ct)
    {
        if (photos.Count == 0)
        {
            return BadRequest("Upload at least one photo.");
        }

        var captions = new List<CaptionDto>(photos.Count);
        foreach (var photo in photos.Where(p => AllowedImageTypes.Contains(p.ContentType)))
        {
            await using var stream = photo.OpenReadStream();
            var data = await BinaryData.FromStreamAsync(stream, ct);
            captions.Add(await studio.CaptionPhotoAsync(photo.FileName, data, photo.ContentType, roomHint, ct));
        }

        logger.LogInformation("Captioned {Count} of {Total} uploaded photos", captions.Count, photos.Count);
        return Ok(captions);
    }
}
