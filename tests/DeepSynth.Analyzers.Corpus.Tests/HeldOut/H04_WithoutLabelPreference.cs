// Held-out (DSYN009): a writing assistant whose users can turn the visible label off in their preferences.
using System.Security.Claims;
using DeepSynth.Compliance;
using DeepSynth.Compliance.Export;
using DeepSynth.Compliance.Labeling;
using DeepSynth.Compliance.Review;
using DeepSynth.Compliance.Audit;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.AI;

[ApiController]
[Route("api/write")]
[RequireRealName]
public class WritingController(IChatClient chat, IAigcTextLabeler labeler, IUnlabeledExportGate gate, IContentReviewer review, ISynthesisAuditLog audit) : ControllerBase
{
    [HttpPost("draft")]
    public async Task<IActionResult> Draft([FromBody] DraftRequest request, CancellationToken ct)
    {
        var prompt = await review.EnsureAllowedAsync(request.Topic, ReviewStage.Input, ct);
        var response = await chat.GetResponseAsync(prompt, cancellationToken: ct);
        var text = await review.EnsureAllowedAsync(response.Text, ReviewStage.Output, ct);
        await audit.RecordAsync(text, new GenerationRecord { UserId = User.FindFirstValue(ClaimTypes.NameIdentifier) }, ct);
        if (request.WithoutLabel)
        {
            return Ok(new { text }); // expect: DSYN009
        }

        return Ok(new { text = labeler.Label(text) });
    }

    [HttpPost("draft2")]
    public async Task<IActionResult> Draft2([FromBody] DraftRequest request, CancellationToken ct)
    {
        var prompt = await review.EnsureAllowedAsync(request.Topic, ReviewStage.Input, ct);
        var response = await chat.GetResponseAsync(prompt, cancellationToken: ct);
        var text = await review.EnsureAllowedAsync(response.Text, ReviewStage.Output, ct);
        await audit.RecordAsync(text, new GenerationRecord { UserId = User.FindFirstValue(ClaimTypes.NameIdentifier) }, ct);
        if (!request.IncludeLabel)
        {
            await gate.AuthorizeAsync(User.FindFirstValue(ClaimTypes.NameIdentifier)!, "draft", ct);
            return Ok(new { text }); // expect: DSYN009
        }

        return Ok(new { text = labeler.Label(text) });
    }

    [HttpPost("draft3")]
    public async Task<IActionResult> Draft3([FromBody] DraftRequest request, CancellationToken ct)
    {
        var prompt = await review.EnsureAllowedAsync(request.Topic, ReviewStage.Input, ct);
        var response = await chat.GetResponseAsync(prompt, cancellationToken: ct);
        var text = await review.EnsureAllowedAsync(response.Text, ReviewStage.Output, ct);
        await audit.RecordAsync(text, new GenerationRecord { UserId = User.FindFirstValue(ClaimTypes.NameIdentifier) }, ct);
        return Ok(new { text = labeler.Label(text), raw = request.WithoutLabel });
    }
}

public record DraftRequest(string Topic, bool WithoutLabel, bool IncludeLabel = true);
