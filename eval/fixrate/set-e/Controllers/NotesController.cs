using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.AI;
using StudyBuddy.Models;

namespace StudyBuddy.Controllers;

[ApiController]
[Route("api/notes")]
public class NotesController(IChatClient chat, ILogger<NotesController> logger) : ControllerBase
{
    private const int MaxUploadChars = 40_000;

    [HttpPost("summary")]
    public async Task<ActionResult<NoteSummary>> Summarize(SummaryRequest request, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.NotesText)) return BadRequest("Notes are empty.");

        var messages = new List<ChatMessage>
        {
            new(ChatRole.System, "Summarise the student's notes as short bullet points, each line starting with '- '."),
            new(ChatRole.User, request.NotesText),
        };
        var response = await chat.GetResponseAsync(messages, new ChatOptions { MaxOutputTokens = 400 }, ct);

        var bullets = response.Text
            .Split('\n')
            .Select(line => line.Trim())
            .Where(line => line.StartsWith("- "))
            .Select(line => line[2..])
            .Take(request.MaxBullets)
            .ToList();

        return new NoteSummary(request.Title ?? "Untitled notes", bullets, response.ModelId ?? "unknown");
    }

    [HttpPost("upload")]
    [Consumes("multipart/form-data")]
    public async Task<IActionResult> Upload(IFormFile file, [FromForm] string? focus, CancellationToken ct)
    {
        using var reader = new StreamReader(file.OpenReadStream());
        var notes = await reader.ReadToEndAsync(ct);
        if (notes.Length > MaxUploadChars) notes = notes[..MaxUploadChars];

        var prompt = focus is null
            ? $"Summarise these class notes in Markdown:\n\n{notes}"
            : $"Summarise these class notes in Markdown, focusing on {focus}:\n\n{notes}";
        var response = await chat.GetResponseAsync(prompt, cancellationToken: ct);

        logger.LogInformation("Summarised {File} ({Length} chars)", file.FileName, notes.Length);
        return Content($"# Summary of {file.FileName}\n\n{response.Text}", "text/markdown");
    }
}
