using System.Security.Claims;
using ChatService.Services;
using DeepSynth.Compliance;
using DeepSynth.Compliance.Audit;
using DeepSynth.Compliance.Labeling;
using DeepSynth.Compliance.Review;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.SemanticKernel;

namespace ChatService.Controllers;

/// <summary>Writing features: a story writer on Semantic Kernel and answers from the service layer.</summary>
[ApiController]
[Route("api/[controller]")]
public class StoryController(Kernel kernel, AnswerService answers, IContentReviewer review, IAigcTextLabeler label, ISynthesisAuditLog audit) : ControllerBase
{
    // NOT COMPLIANT (deliberately): [Authorize] only authenticates the user; it is not real-name verification.
    // Everything else is done. Expected: DSYN002 at Ok(...), with the note about [Authorize].
    [Authorize]
    [HttpPost("write")]
    public async Task<IActionResult> Write(ChatRequestDto request, CancellationToken cancellationToken)
    {
        var topic = await review.EnsureAllowedAsync(request.Topic, ReviewStage.Input, cancellationToken);
        var result = await kernel.InvokePromptAsync($"Write a short story about {topic}.", cancellationToken: cancellationToken);
        var story = await review.EnsureAllowedAsync(result.ToString(), ReviewStage.Output, cancellationToken);
        await audit.RecordAsync(story, new GenerationRecord { UserId = User.FindFirstValue(ClaimTypes.NameIdentifier) }, cancellationToken);
        return Ok(new { story = label.Label(story) });
    }

    // COMPLIANT: real-name required; the service reviews and records (its summary carries that here); the action labels.
    [RequireRealName]
    [HttpPost("answer")]
    public async Task<ActionResult<string>> Answer(ChatRequestDto request, CancellationToken cancellationToken)
    {
        var answer = await answers.AnswerAsync(request.Topic, User.FindFirstValue(ClaimTypes.NameIdentifier), cancellationToken);
        return label.Label(answer);
    }

    // NOT COMPLIANT (deliberately): the draft is labeled and reviewed, but the service never records the generation.
    // Expected: DSYN005 at the returned value.
    [RequireRealName]
    [HttpPost("draft")]
    public async Task<ActionResult<string>> Draft(ChatRequestDto request, CancellationToken cancellationToken)
    {
        var topic = await review.EnsureAllowedAsync(request.Topic, ReviewStage.Input, cancellationToken);
        var draft = await answers.DraftAsync(topic, cancellationToken);
        var reviewed = await review.EnsureAllowedAsync(draft, ReviewStage.Output, cancellationToken);
        return label.Label(reviewed);
    }
}

/// <summary>A writing request.</summary>
public sealed record ChatRequestDto(string Topic);
