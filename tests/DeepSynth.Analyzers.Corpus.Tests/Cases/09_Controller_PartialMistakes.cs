using DeepSynth.Compliance;
using DeepSynth.Compliance.Audit;
using DeepSynth.Compliance.Labeling;
using DeepSynth.Compliance.Review;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Caching.Memory;

namespace Acme.Notes.Api;

public record NoteRequest(string Text, bool Strict = false);

public record NoteResult(string Text);

/// <summary>Real code review found one mistake in each of these actions.</summary>
[ApiController]
[Route("api/notes/ai")]
[RequireRealName]
public class NotesAiController(
    IChatClient chat,
    IContentReviewer reviewer,
    IAigcTextLabeler labeler,
    ISynthesisAuditLog audit,
    IMemoryCache cache,
    ILogger<NotesAiController> logger) : ControllerBase
{
    // Labels the copy that goes into the cache, returns the unlabeled original.
    [HttpPost("summarize")]
    public async Task<IActionResult> Summarize(NoteRequest request, CancellationToken ct)
    {
        var input = await reviewer.EnsureAllowedAsync(request.Text, ReviewStage.Input, ct);
        var response = await chat.GetResponseAsync($"Summarize:\n{input}", cancellationToken: ct);
        var text = await reviewer.EnsureAllowedAsync(response.Text, ReviewStage.Output, ct);
        await audit.RecordAsync(text, new GenerationRecord { Model = response.ModelId }, ct);

        var labeled = labeler.Label(text);
        cache.Set($"summary:{input.GetHashCode()}", labeled, TimeSpan.FromMinutes(10));
        return Ok(new NoteResult(text)); // expect: DSYN001
    }

    // Output review only in "strict" mode.
    [HttpPost("rewrite")]
    public async Task<IActionResult> Rewrite(NoteRequest request, CancellationToken ct)
    {
        await reviewer.EnsureAllowedAsync(request.Text, ReviewStage.Input, ct);
        var response = await chat.GetResponseAsync($"Rewrite more clearly:\n{request.Text}", cancellationToken: ct);
        var text = response.Text;
        if (request.Strict)
        {
            text = await reviewer.EnsureAllowedAsync(text, ReviewStage.Output, ct);
        }

        await audit.RecordAsync(text, new GenerationRecord(), ct);
        return Ok(new NoteResult(labeler.Label(text))); // expect: DSYN003
    }

    // The audit record is written only when review blocks the output.
    [HttpPost("expand")]
    public async Task<IActionResult> Expand(NoteRequest request, CancellationToken ct)
    {
        await reviewer.EnsureAllowedAsync(request.Text, ReviewStage.Input, ct);
        var generated = string.Empty;
        try
        {
            var response = await chat.GetResponseAsync($"Expand these notes into a paragraph:\n{request.Text}", cancellationToken: ct);
            generated = response.Text;
            var text = await reviewer.EnsureAllowedAsync(generated, ReviewStage.Output, ct);
            return Ok(new NoteResult(labeler.Label(text))); // expect: DSYN005
        }
        catch (ContentBlockedException ex)
        {
            await audit.RecordAsync(generated, new GenerationRecord { Attributes = { ["blocked"] = "true" } }, ct);
            logger.LogWarning("Blocked expansion: {Verdict}", ex.Verdict);
            return UnprocessableEntity();
        }
    }

    // Opened up for the public demo page.
    [AllowAnonymous]
    [HttpPost("outline")]
    public async Task<IActionResult> Outline(NoteRequest request, CancellationToken ct)
    {
        var input = await reviewer.EnsureAllowedAsync(request.Text, ReviewStage.Input, ct);
        var response = await chat.GetResponseAsync($"Write an outline for:\n{input}", cancellationToken: ct);
        var text = await reviewer.EnsureAllowedAsync(response.Text, ReviewStage.Output, ct);
        await audit.RecordAsync(text, new GenerationRecord(), ct);
        return Ok(new NoteResult(labeler.Label(text))); // expect: DSYN002
    }

    // Logged, but not in the audit log.
    [HttpPost("title")]
    public async Task<IActionResult> Title(NoteRequest request, CancellationToken ct)
    {
        var input = await reviewer.EnsureAllowedAsync(request.Text, ReviewStage.Input, ct);
        var response = await chat.GetResponseAsync($"Give this note a short title:\n{input}", cancellationToken: ct);
        var text = await reviewer.EnsureAllowedAsync(response.Text, ReviewStage.Output, ct);
        logger.LogInformation("Generated title {Title} with {Model}", text, response.ModelId);
        return Ok(new NoteResult(labeler.Label(text))); // expect: DSYN005
    }
}
