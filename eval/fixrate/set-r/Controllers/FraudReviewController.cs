using System.Text.Json;
using DeepSynth.Compliance;
using DeepSynth.Compliance.Audit;
using DeepSynth.Compliance.Labeling;
using DeepSynth.Compliance.Review;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PeiFu.Claims.AI;
using PeiFu.Claims.Contracts;
using PeiFu.Claims.Data;
using PeiFu.Claims.Messaging;
using PeiFu.Claims.Search;
using PeiFu.Claims.Security;
using Rebus.Bus;

namespace PeiFu.Claims.Controllers;

[ApiController]
[Route("api/fraud")]
[Authorize(Policy = PeiFuPolicies.FraudAnalyst)]
public sealed class FraudReviewController(
    ClaimsDbContext db,
    IFraudAnalyzer analyzer,
    IFraudSearchIndex search,
    IAigcTextLabeler labeler,
    IBus bus,
    IConfiguration configuration,
    ILogger<FraudReviewController> logger) : ControllerBase
{
    private int EscalationThreshold => configuration.GetValue("Fraud:EscalationThreshold", 70);

    [HttpPost("{claimId}/summary")]
    [RequireRealName]
    public async Task<ActionResult<FraudSummaryDto>> Summarize(string claimId, FraudSummaryRequest request,
        [FromServices] IContentReviewer review, [FromServices] ISynthesisAuditLog audit, CancellationToken ct)
    {
        var claim = await db.Claims.AsNoTracking().FirstOrDefaultAsync(c => c.Id == claimId, ct);
        if (claim is null) return NotFound();

        await review.EnsureAllTextAllowedAsync(request, ReviewStage.Input, ct);

        var prior = await db.Claims.AsNoTracking()
            .Where(c => c.CustomerId == claim.CustomerId && c.Id != claim.Id)
            .OrderByDescending(c => c.IncidentDate)
            .Take(10)
            .Select(c => $"{c.Id} {c.IncidentType} {c.IncidentDate:yyyy-MM-dd} 报损{c.ClaimedAmount:N0}元 状态{c.Status}")
            .ToListAsync(ct);

        var facts = $"案件 {claim.Id}，保单 {claim.PolicyNumber}，{claim.IncidentType}，{claim.IncidentDate:yyyy-MM-dd HH:mm}，" +
                    $"{claim.IncidentLocation}，报损 {claim.ClaimedAmount:N2} 元";
        var (assessment, completion) = await analyzer.AssessAsync(facts, request.AnalystNotes, prior, ct);

        await review.EnsureAllTextAllowedAsync(assessment, ReviewStage.Output, ct);

        var entity = new FraudReview
        {
            Id = Guid.NewGuid(),
            ClaimId = claim.Id,
            AnalystId = User.GetUserId(),
            AnalystNotes = request.AnalystNotes,
            RiskScore = assessment.RiskScore,
            RedFlagsJson = JsonSerializer.Serialize(assessment.RedFlags),
            AiSummary = assessment.Summary,
            RecommendedAction = assessment.RecommendedAction,
            Model = completion.Model,
            PromptTokens = completion.PromptTokens,
            CompletionTokens = completion.CompletionTokens,
            Escalated = assessment.RiskScore >= EscalationThreshold,
            CreatedAt = DateTimeOffset.UtcNow
        };
        db.FraudReviews.Add(entity);
        await db.SaveChangesAsync(ct);

        await audit.RecordAllTextAsync(assessment, new GenerationRecord
        {
            Model = completion.Model,
            ContentId = entity.Id.ToString("N"),
            Labeled = true,
            Attributes = { ["feature"] = "fraud-summary", ["requestId"] = completion.RequestId ?? "" }
        }, ct);

        await search.IndexAsync(new FraudSearchDocument
        {
            ReviewId = entity.Id,
            ClaimId = claim.Id,
            PolicyNumber = claim.PolicyNumber,
            RiskScore = entity.RiskScore,
            Summary = entity.AiSummary,
            RedFlags = assessment.RedFlags,
            CreatedAt = entity.CreatedAt
        }, ct);

        if (entity.Escalated)
        {
            await bus.Send(new FraudCaseEscalated(entity.Id, claim.Id, entity.RiskScore, entity.AiSummary, assessment.RedFlags));
        }

        return new FraudSummaryDto(entity.Id, claim.Id, entity.RiskScore,
            assessment.RedFlags.Select(labeler.Label).ToList(),
            labeler.Label(assessment.Summary),
            labeler.Label(assessment.RecommendedAction),
            completion.Model);
    }

    [HttpGet("{claimId}/reviews")]
    public async Task<ActionResult<IReadOnlyList<FraudSummaryDto>>> Reviews(string claimId, CancellationToken ct)
    {
        var rows = await db.FraudReviews.AsNoTracking()
            .Where(r => r.ClaimId == claimId)
            .OrderByDescending(r => r.CreatedAt)
            .ToListAsync(ct);

        return rows.Select(r => new FraudSummaryDto(r.Id, r.ClaimId, r.RiskScore,
                JsonSerializer.Deserialize<List<string>>(r.RedFlagsJson) ?? [],
                labeler.Label(r.AiSummary),
                labeler.Label(r.RecommendedAction),
                r.Model))
            .ToList();
    }

    [HttpGet("search")]
    public async Task<ActionResult<IReadOnlyList<FraudSearchHit>>> Search([FromQuery] string q, [FromQuery] int? minRisk,
        [FromQuery] int size = 20, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(q)) return ValidationProblem("q is required");
        var docs = await search.SearchAsync(q, minRisk, Math.Clamp(size, 1, 100), ct);
        return docs.Select(d => new FraudSearchHit(d.ReviewId, d.ClaimId, d.RiskScore, d.Summary, d.CreatedAt)).ToList();
    }

    [HttpGet("reviews/{reviewId:guid}/notes")]
    public async Task<ActionResult<AnalystNotesDto>> AnalystNotes(Guid reviewId, CancellationToken ct)
    {
        var dto = await db.FraudReviews.AsNoTracking()
            .Where(r => r.Id == reviewId)
            .Select(r => new AnalystNotesDto(r.Id, r.ClaimId, r.AnalystId, r.AnalystNotes, r.CreatedAt))
            .FirstOrDefaultAsync(ct);
        return dto is null ? NotFound() : dto;
    }

    [HttpGet("stats")]
    public async Task<ActionResult<FraudStatsDto>> Stats([FromQuery] int days = 30, CancellationToken ct = default)
    {
        var since = DateTimeOffset.UtcNow.AddDays(-Math.Clamp(days, 1, 365));
        var reviews = db.FraudReviews.AsNoTracking().Where(r => r.CreatedAt >= since);
        var count = await reviews.CountAsync(ct);
        if (count == 0) return new FraudStatsDto(0, 0, 0, 0);

        var escalated = await reviews.CountAsync(r => r.Escalated, ct);
        var average = await reviews.AverageAsync(r => (double)r.RiskScore, ct);
        var high = await reviews.CountAsync(r => r.RiskScore >= EscalationThreshold, ct);
        logger.LogDebug("Fraud stats over {Days} days: {Count} reviews", days, count);
        return new FraudStatsDto(count, escalated, Math.Round(average, 1), high);
    }
}
