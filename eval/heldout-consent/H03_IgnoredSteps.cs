using System.Security.Claims;
using DeepSynth.Compliance;
using DeepSynth.Compliance.Audit;
using DeepSynth.Compliance.Labeling;
using DeepSynth.Compliance.RealName;
using DeepSynth.Compliance.Review;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using OpenAI.Moderations;

namespace HeldOut.Ignored;

public sealed record AskRequest(string Question);

[ApiController]
[Route("api/answers")]
[RequireRealName]
public sealed class AnswersController(
    IChatClient chat,
    IContentReviewer reviewer,
    IAigcTextLabeler labeler,
    ISynthesisAuditLog audit,
    ModerationClient moderation,
    ILogger<AnswersController> logger) : ControllerBase
{
    // H9: the labeled copy is thrown away, the original goes out.
    [HttpPost("discarded-label")]
    public async Task<IActionResult> DiscardedLabel(AskRequest request, CancellationToken ct)
    {
        var question = await reviewer.EnsureAllowedAsync(request.Question, ReviewStage.Input, ct);
        var response = await chat.GetResponseAsync(question, cancellationToken: ct);
        var text = await reviewer.EnsureAllowedAsync(response.Text, ReviewStage.Output, ct);
        await audit.RecordAsync(text, new GenerationRecord(), ct);
        labeler.Label(text); // expect: DSYN008
        return Ok(text);
    }

    // H10: the verdict is computed and never looked at.
    [HttpPost("unused-verdict")]
    public async Task<IActionResult> UnusedVerdict(AskRequest request, CancellationToken ct)
    {
        var question = await reviewer.EnsureAllowedAsync(request.Question, ReviewStage.Input, ct);
        var response = await chat.GetResponseAsync(question, cancellationToken: ct);
        var verdict = await reviewer.ReviewAsync(response.Text, ReviewStage.Output, ct); // expect: DSYN008
        await audit.RecordAsync(response.Text, new GenerationRecord(), ct);
        return Ok(labeler.Label(response.Text));
    }

    // H11: the verdict stops blocked output.
    [HttpPost("checked-verdict")]
    public async Task<IActionResult> CheckedVerdict(AskRequest request, CancellationToken ct)
    {
        var question = await reviewer.EnsureAllowedAsync(request.Question, ReviewStage.Input, ct);
        var response = await chat.GetResponseAsync(question, cancellationToken: ct);
        var verdict = await reviewer.ReviewAsync(response.Text, ReviewStage.Output, ct);
        if (!verdict.IsAllowed)
        {
            return UnprocessableEntity();
        }

        await audit.RecordAsync(response.Text, new GenerationRecord(), ct);
        return Ok(labeler.Label(response.Text));
    }

    // H12: OpenAI moderation runs, Flagged is never read.
    [HttpPost("moderation-ignored")]
    public async Task<IActionResult> ModerationIgnored(AskRequest request, CancellationToken ct)
    {
        var question = await reviewer.EnsureAllowedAsync(request.Question, ReviewStage.Input, ct);
        var response = await chat.GetResponseAsync(question, cancellationToken: ct);
        ModerationResult moderationResult = await moderation.ClassifyTextAsync(response.Text, ct); // expect: DSYN008
        await audit.RecordAsync(response.Text, new GenerationRecord(), ct);
        return Ok(labeler.Label(response.Text));
    }

    // H13: OpenAI moderation acted on.
    [HttpPost("moderation-checked")]
    public async Task<IActionResult> ModerationChecked(AskRequest request, CancellationToken ct)
    {
        var question = await reviewer.EnsureAllowedAsync(request.Question, ReviewStage.Input, ct);
        var response = await chat.GetResponseAsync(question, cancellationToken: ct);
        ModerationResult moderationResult = await moderation.ClassifyTextAsync(response.Text, ct);
        if (moderationResult.Flagged)
        {
            return BadRequest();
        }

        await audit.RecordAsync(response.Text, new GenerationRecord(), ct);
        return Ok(labeler.Label(response.Text));
    }

    // H15: the verdict is only logged.
    [HttpPost("logged-verdict")]
    public async Task<IActionResult> LoggedVerdict(AskRequest request, CancellationToken ct)
    {
        var question = await reviewer.EnsureAllowedAsync(request.Question, ReviewStage.Input, ct);
        var response = await chat.GetResponseAsync(question, cancellationToken: ct);
        var verdict = await reviewer.ReviewAsync(response.Text, ReviewStage.Output, ct); // expect: DSYN008
        logger.LogInformation("Output review: {Decision}", verdict.Decision);
        await audit.RecordAsync(response.Text, new GenerationRecord(), ct);
        return Ok(labeler.Label(response.Text));
    }

    // H16: the labeled copy is what goes out.
    [HttpPost("labeled")]
    public async Task<IActionResult> Labeled(AskRequest request, CancellationToken ct)
    {
        var question = await reviewer.EnsureAllowedAsync(request.Question, ReviewStage.Input, ct);
        var response = await chat.GetResponseAsync(question, cancellationToken: ct);
        var text = await reviewer.EnsureAllowedAsync(response.Text, ReviewStage.Output, ct);
        await audit.RecordAsync(text, new GenerationRecord(), ct);
        var labeled = labeler.Label(text);
        return Ok(labeled);
    }

    // H17: ClientResult read through Value, Flagged checked.
    [HttpPost("moderation-value")]
    public async Task<IActionResult> ModerationValue(AskRequest request, CancellationToken ct)
    {
        var question = await reviewer.EnsureAllowedAsync(request.Question, ReviewStage.Input, ct);
        var response = await chat.GetResponseAsync(question, cancellationToken: ct);
        var moderated = await moderation.ClassifyTextAsync(response.Text, ct);
        if (moderated.Value.Flagged)
        {
            return BadRequest();
        }

        await audit.RecordAsync(response.Text, new GenerationRecord(), ct);
        return Ok(labeler.Label(response.Text));
    }
}

[ApiController]
[Route("api/open")]
public sealed class OpenController(IChatClient chat, IContentReviewer reviewer, IAigcTextLabeler labeler, ISynthesisAuditLog audit, IRealNameGate gate) : ControllerBase
{
    // H14: the identity check's bool is dropped.
    [HttpPost]
    public async Task<IActionResult> Ask(AskRequest request, CancellationToken ct)
    {
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
        await gate.IsVerifiedAsync(userId, ct); // expect: DSYN008
        var question = await reviewer.EnsureAllowedAsync(request.Question, ReviewStage.Input, ct);
        var response = await chat.GetResponseAsync(question, cancellationToken: ct);
        var text = await reviewer.EnsureAllowedAsync(response.Text, ReviewStage.Output, ct);
        await audit.RecordAsync(text, new GenerationRecord(), ct);
        return Ok(labeler.Label(text));
    }
}
