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
using PeiFu.Claims.Security;
using Rebus.Bus;

namespace PeiFu.Claims.Controllers;

[ApiController]
[Route("api/adjuster")]
[Authorize(Policy = PeiFuPolicies.Adjuster)]
[RequireRealName]
public sealed class AdjusterLettersController(
    ClaimsDbContext db,
    IPolicyAdvisor advisor,
    ILocalModelService local,
    IAigcTextLabeler labeler,
    IBus bus,
    ILogger<AdjusterLettersController> logger) : ControllerBase
{
    private static readonly string[] Decisions = ["approve", "partial", "deny"];

    [HttpGet("letters")]
    public async Task<ActionResult<IReadOnlyList<LetterListItem>>> List([FromQuery] string? status, CancellationToken ct)
    {
        var query = db.DecisionLetters.AsNoTracking().Where(l => l.AdjusterId == User.GetUserId());
        if (Enum.TryParse<LetterStatus>(status, ignoreCase: true, out var s))
        {
            query = query.Where(l => l.Status == s);
        }
        return await query.OrderByDescending(l => l.CreatedAt)
            .Select(l => new LetterListItem(l.Id, l.ClaimId, l.Decision, l.Status.ToString(), l.CreatedAt))
            .Take(100)
            .ToListAsync(ct);
    }

    [HttpPost("letters/draft")]
    public async Task<ActionResult<DecisionLetterDto>> Draft(DraftLetterRequest request,
        [FromServices] IContentReviewer review, [FromServices] ISynthesisAuditLog audit, CancellationToken ct)
    {
        if (!Decisions.Contains(request.Decision))
        {
            return ValidationProblem($"decision must be one of: {string.Join(", ", Decisions)}");
        }
        var claim = await db.Claims.AsNoTracking().FirstOrDefaultAsync(c => c.Id == request.ClaimId, ct);
        if (claim is null) return NotFound();

        var notes = await review.EnsureAllowedAsync(request.AdjusterNotes, ReviewStage.Input, ct);
        var draft = await advisor.DraftDecisionLetterAsync(claim.Id, request.Decision, request.Amount, notes, ct);
        var body = await review.EnsureAllowedAsync(draft.Body, ReviewStage.Output, ct);

        var letter = new DecisionLetter
        {
            Id = Guid.NewGuid(),
            ClaimId = claim.Id,
            AdjusterId = User.GetUserId(),
            Decision = request.Decision,
            Amount = request.Amount,
            AdjusterNotes = notes,
            DraftBody = body,
            Model = draft.Model,
            Status = LetterStatus.Draft,
            CreatedAt = DateTimeOffset.UtcNow
        };
        db.DecisionLetters.Add(letter);
        db.ModelUsage.Add(new ModelUsage
        {
            Feature = "decision-letter", Model = draft.Model, InputTokens = draft.PromptTokens ?? 0,
            OutputTokens = draft.CompletionTokens ?? 0, At = letter.CreatedAt
        });
        await db.SaveChangesAsync(ct);

        await audit.RecordAsync(body, new GenerationRecord
        {
            Model = draft.Model,
            ContentId = letter.Id.ToString("N"),
            Labeled = true,
            Attributes = { ["feature"] = "decision-letter", ["claim"] = claim.Id }
        }, ct);

        return CreatedAtAction(nameof(GetLetter), new { letterId = letter.Id },
            new DecisionLetterDto(letter.Id, letter.ClaimId, letter.Status.ToString(), labeler.Label(body), letter.Model, letter.CreatedAt));
    }

    [HttpGet("letters/{letterId:guid}")]
    public async Task<ActionResult<DecisionLetterDto>> GetLetter(Guid letterId, CancellationToken ct)
    {
        var letter = await db.DecisionLetters.AsNoTracking().FirstOrDefaultAsync(l => l.Id == letterId, ct);
        if (letter is null) return NotFound();
        return new DecisionLetterDto(letter.Id, letter.ClaimId, letter.Status.ToString(), letter.DraftBody, letter.Model, letter.CreatedAt);
    }

    [HttpGet("letters/{letterId:guid}/notes")]
    public async Task<ActionResult<string>> GetNotes(Guid letterId, CancellationToken ct)
    {
        var notes = await db.DecisionLetters.AsNoTracking()
            .Where(l => l.Id == letterId)
            .Select(l => l.AdjusterNotes)
            .FirstOrDefaultAsync(ct);
        return notes is null ? NotFound() : Ok(notes);
    }

    [HttpPost("letters/{letterId:guid}/approve")]
    public async Task<IActionResult> Approve(Guid letterId, CancellationToken ct)
    {
        var letter = await db.DecisionLetters.FirstOrDefaultAsync(l => l.Id == letterId, ct);
        if (letter is null) return NotFound();
        if (letter.Status != LetterStatus.Draft)
        {
            return Problem(statusCode: StatusCodes.Status409Conflict, title: $"Letter is already {letter.Status}");
        }

        letter.Status = LetterStatus.Approved;
        letter.ApprovedAt = DateTimeOffset.UtcNow;

        var claim = await db.Claims.FirstAsync(c => c.Id == letter.ClaimId, ct);
        var old = claim.Status;
        claim.Status = letter.Decision switch
        {
            "approve" => ClaimStatus.Approved,
            "partial" => ClaimStatus.PartiallyApproved,
            _ => ClaimStatus.Rejected
        };
        claim.ApprovedAmount = letter.Amount;
        claim.UpdatedAt = DateTimeOffset.UtcNow;
        await db.SaveChangesAsync(ct);

        await bus.Send(new DecisionLetterApproved(letter.Id, User.GetUserId()));
        await bus.Send(new ClaimStatusChanged(claim.Id, old, claim.Status, User.GetUserId()));
        logger.LogInformation("Letter {LetterId} approved", letter.Id);
        return Accepted(new { letter.Id, status = letter.Status.ToString() });
    }

    [HttpPost("rewrite-plain")]
    public async Task<ActionResult<ToneRewriteResponse>> RewritePlain(ToneRewriteRequest request, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.Paragraph)) return ValidationProblem("paragraph is required");
        var result = await local.RewriteInPlainLanguageAsync(request.Paragraph, ct);
        return new ToneRewriteResponse(labeler.Label(result.Text), result.Model);
    }
}
