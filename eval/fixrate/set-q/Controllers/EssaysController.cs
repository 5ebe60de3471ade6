using DeepSynth.Compliance;
using DeepSynth.Compliance.Audit;
using DeepSynth.Compliance.Labeling;
using DeepSynth.Compliance.Review;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using XueBa.Coach.Contracts;
using XueBa.Coach.Infrastructure.Data;
using XueBa.Coach.Infrastructure.Web;
using XueBa.Coach.Services;

namespace XueBa.Coach.Controllers;

[ApiController]
[Route("api/essays")]
[Authorize(Policy = "Student")]
[RequestTiming]
public sealed class EssaysController(
    IEssayRepository essays,
    IEssayCoachService coach,
    IContentReviewer review,
    IAigcTextLabeler label,
    ISynthesisAuditLog audit,
    ILogger<EssaysController> logger) : ControllerBase
{
    [HttpPost]
    public async Task<ActionResult<EssaySummaryDto>> Submit(SubmitEssayRequest request, CancellationToken ct)
    {
        var classId = User.ClassId() ?? "unassigned";
        var id = await essays.CreateAsync(User.UserId(), classId, request.Title, request.Body, request.Grade, request.Genre, ct);
        var row = await essays.GetAsync(id, ct);
        return CreatedAtAction(nameof(Get), new { id },
            new EssaySummaryDto(id, row!.Title, row.WordCount, row.Status, null, row.CreatedAt));
    }

    [HttpGet]
    public async Task<IReadOnlyList<EssaySummaryDto>> List([FromQuery] int take = 20, CancellationToken ct = default)
    {
        var rows = await essays.ListForStudentAsync(User.UserId(), Math.Clamp(take, 1, 100), ct);
        return rows.Select(r => new EssaySummaryDto(r.Id, r.Title, r.WordCount, r.Status, r.Score, r.CreatedAt)).ToList();
    }

    [HttpGet("{id:guid}")]
    [ServiceFilter(typeof(EssayOwnershipFilter))]
    public ActionResult<EssayDetailDto> Get(Guid id)
    {
        var essay = (EssayRow)HttpContext.Items[EssayOwnershipFilter.EssayItemKey]!;
        return new EssayDetailDto(
            essay.Id,
            essay.Title,
            essay.Body,
            essay.WordCount,
            essay.Genre,
            essay.Status,
            essay.Feedback is null ? null : label.Label(essay.Feedback),
            essay.Score,
            essay.TeacherNote,
            essay.CreatedAt);
    }

    [HttpGet("{id:guid}/word-count")]
    [ServiceFilter(typeof(EssayOwnershipFilter))]
    public IActionResult WordCount(Guid id)
    {
        var essay = (EssayRow)HttpContext.Items[EssayOwnershipFilter.EssayItemKey]!;
        return Ok(new { essay.Id, essay.WordCount, characters = essay.Body.Length });
    }

    [HttpPost("{id:guid}/feedback")]
    [RequireRealName]
    [ServiceFilter(typeof(EssayOwnershipFilter))]
    public async Task<ActionResult<EssayFeedbackResponse>> Feedback(Guid id, EssayFeedbackRequest request, CancellationToken ct)
    {
        var essay = (EssayRow)HttpContext.Items[EssayOwnershipFilter.EssayItemKey]!;

        await review.EnsureAllowedAsync(essay.Body, ReviewStage.Input, ct);
        if (!string.IsNullOrWhiteSpace(request.Focus))
        {
            await review.EnsureAllowedAsync(request.Focus, ReviewStage.Input, ct);
        }

        var critique = await coach.CritiqueAsync(essay, request.Focus, ct);
        var feedback = await review.EnsureAllowedAsync(critique.Feedback, ReviewStage.Output, ct);

        await audit.RecordAsync(feedback, new GenerationRecord
        {
            UserId = User.UserId(),
            Model = critique.Model,
            ContentId = id.ToString("N"),
            Labeled = true,
            Attributes = { ["feature"] = "essay-feedback", ["grade"] = essay.Grade.ToString() },
        }, ct);

        await essays.SaveFeedbackAsync(id, feedback, request.IncludeScore ? critique.Score : null, critique.Model, ct);
        logger.LogInformation("Feedback stored for essay {EssayId}", id);

        return new EssayFeedbackResponse(id, label.Label(feedback), request.IncludeScore ? critique.Score : null, critique.Model);
    }

    [HttpPost("{id:guid}/rewrite")]
    [RequireRealName]
    [ServiceFilter(typeof(EssayOwnershipFilter))]
    public async Task<ActionResult<RewriteResponse>> Rewrite(Guid id, RewriteRequest request, CancellationToken ct)
    {
        var essay = (EssayRow)HttpContext.Items[EssayOwnershipFilter.EssayItemKey]!;
        var rewritten = await coach.RewriteAsync(essay, request.Style, request.TargetWords, ct);

        var verdict = await review.ReviewAsync(rewritten, ReviewStage.Output, ct);
        if (!verdict.IsAllowed)
        {
            return UnprocessableEntity(new ProblemDetails { Title = "改写结果未通过审核，请稍后重试", Status = 422 });
        }

        await essays.SaveRewriteAsync(id, rewritten, ct);
        return new RewriteResponse(id, label.Label(rewritten), request.Style);
    }

    [HttpGet("outline")]
    public IAsyncEnumerable<string> Outline([FromQuery] string topic, [FromQuery] int grade = 5, [FromQuery] string genre = "记叙文", CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(topic) || topic.Length > 60)
        {
            throw new BadHttpRequestException("topic is required (max 60 characters)");
        }
        return coach.StreamOutlineAsync(topic, grade, genre, ct);
    }
}
