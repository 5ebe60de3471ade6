using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.AI;
using WriterApp.Models;

namespace WriterApp.Controllers;

[ApiController]
[Route("api/drafts")]
public sealed class DraftsController : ControllerBase
{
    private readonly IChatClient _chat;
    private readonly ILogger<DraftsController> _logger;

    public DraftsController(IChatClient chat, ILogger<DraftsController> logger)
    {
        _chat = chat;
        _logger = logger;
    }

    [HttpPost]
    public async Task<ActionResult<DraftResponse>> Create([FromBody] ChatRequest request, CancellationToken cancellationToken)
    {
        _logger.LogInformation("Drafting for {Length} chars", request.Message.Length);
        var title = await _chat.GetResponseAsync("Title for: " + request.Message, cancellationToken: cancellationToken);
        var body = await _chat.GetResponseAsync("Write a draft about: " + request.Message, cancellationToken: cancellationToken);
        return Ok(new DraftResponse
        {
            Title = title.Text,
            Body = body.Text,
            CreatedAt = DateTimeOffset.UtcNow,
        });
    }

    [HttpPost("outline")]
    public async Task<IActionResult> Outline([FromBody] ChatRequest request)
    {
        var response = await _chat.GetResponseAsync($"Outline: {request.Message}");
        var lines = response.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return Ok(lines);
    }
}
