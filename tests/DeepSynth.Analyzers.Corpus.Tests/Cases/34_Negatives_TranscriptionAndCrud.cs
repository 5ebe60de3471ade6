using System.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.AI;
using OpenAI.Audio;

namespace Meetings.Api.Controllers;

public sealed record Note(int Id, string Author, string Text, DateTimeOffset CreatedAt);

public sealed record NewNote(string Text);

public interface INoteStore
{
    Task<IReadOnlyList<Note>> ListAsync(CancellationToken ct);
    Task<Note> AddAsync(string author, string text, CancellationToken ct);
    Task<Note?> GetAsync(int id, CancellationToken ct);
}

[ApiController]
[Route("api/meetings")]
public class MeetingsController(INoteStore notes, AudioClient audio, IChatClient chat, ILogger<MeetingsController> logger) : ControllerBase
{
    // Speech-to-text of the user's own recording: recognition, not synthesis.
    [HttpPost("transcribe")]
    [RequestSizeLimit(25_000_000)]
    public async Task<IActionResult> Transcribe(IFormFile recording, CancellationToken ct)
    {
        await using var stream = recording.OpenReadStream();
        AudioTranscription transcription = await audio.TranscribeAudioAsync(stream, recording.FileName, new AudioTranscriptionOptions { Language = "zh" }, ct);
        return Ok(new { text = transcription.Text, duration = transcription.Duration });
    }

    [HttpGet("notes")]
    public async Task<IActionResult> List(CancellationToken ct) => Ok(await notes.ListAsync(ct));

    [HttpGet("notes/{id:int}")]
    public async Task<IActionResult> Get(int id, CancellationToken ct) =>
        await notes.GetAsync(id, ct) is { } note ? Ok(note) : NotFound();

    [HttpPost("notes")]
    public async Task<IActionResult> Add(NewNote body, CancellationToken ct)
    {
        var note = await notes.AddAsync(User.Identity?.Name ?? "anonymous", body.Text, ct);
        return CreatedAtAction(nameof(Get), new { id = note.Id }, note);
    }

    // Health probe for the model: a fixed prompt, only latency and model id are reported.
    [HttpGet("model-status")]
    public async Task<IActionResult> ModelStatus(CancellationToken ct)
    {
        var sw = Stopwatch.StartNew();
        var response = await chat.GetResponseAsync("ping", new ChatOptions { MaxOutputTokens = 1 }, ct);
        logger.LogDebug("Model probe finished: {Reason}", response.FinishReason);
        return Ok(new { model = response.ModelId, latencyMs = sw.ElapsedMilliseconds, checkedAt = DateTimeOffset.UtcNow });
    }
}
