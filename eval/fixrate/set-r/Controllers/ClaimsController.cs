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
using PeiFu.Claims.Grains;
using PeiFu.Claims.Messaging;
using PeiFu.Claims.Security;
using PeiFu.Claims.Storage;
using PeiFu.Claims.Workers;
using Rebus.Bus;

namespace PeiFu.Claims.Controllers;

[ApiController]
[Route("api/claims")]
[Authorize(Policy = PeiFuPolicies.Customer)]
public sealed class ClaimsController(
    ClaimsDbContext db,
    IClaimAssistant assistant,
    IGrainFactory grains,
    IDocumentStore store,
    IPhotoDescriptionQueue photoQueue,
    IBus bus,
    ILogger<ClaimsController> logger) : ControllerBase
{
    private static readonly HashSet<string> AllowedPhotoTypes = ["image/jpeg", "image/png", "image/webp"];
    private const long MaxPhotoBytes = 15 * 1024 * 1024;

    [HttpGet("{claimId}")]
    public async Task<ActionResult<ClaimOverviewDto>> Get(string claimId, CancellationToken ct)
    {
        var claim = await FindOwnClaimAsync(claimId, ct);
        if (claim is null) return NotFound();
        return new ClaimOverviewDto(claim.Id, claim.PolicyNumber, claim.Status.ToString(), claim.IncidentType,
            claim.IncidentDate, claim.ClaimedAmount, claim.ApprovedAmount, claim.UpdatedAt);
    }

    [HttpPost("{claimId}/chat")]
    [RequireRealName]
    public async Task<ActionResult<ClaimChatResponse>> Chat(string claimId, ClaimChatRequest request,
        [FromServices] IContentReviewer review, [FromServices] IAigcTextLabeler labeler,
        [FromServices] ISynthesisAuditLog audit, CancellationToken ct)
    {
        var claim = await FindOwnClaimAsync(claimId, ct);
        if (claim is null) return NotFound();
        if (claim.Status is ClaimStatus.Closed or ClaimStatus.Paid)
        {
            return Problem(statusCode: StatusCodes.Status409Conflict, title: "案件已结案，无法继续对话");
        }

        var message = await review.EnsureAllowedAsync(request.Message, ReviewStage.Input, ct);
        var history = await db.ClaimMessages.AsNoTracking()
            .Where(m => m.ClaimId == claimId)
            .OrderBy(m => m.CreatedAt)
            .Select(m => new { m.Role, m.Content })
            .ToListAsync(ct);

        var reply = await assistant.ReplyAsync(claimId, history.Select(h => (h.Role, h.Content)).ToList(), message, ct);
        var text = await review.EnsureAllowedAsync(reply.Text, ReviewStage.Output, ct);
        await audit.RecordAsync(text, new GenerationRecord
        {
            UserId = User.GetUserId(),
            Model = reply.Model,
            ContentId = $"{claimId}:chat:{DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()}",
            Labeled = true
        }, ct);

        var now = DateTimeOffset.UtcNow;
        db.ClaimMessages.Add(new ClaimMessage { ClaimId = claimId, Role = "customer", Content = message, CreatedAt = now });
        db.ClaimMessages.Add(new ClaimMessage
        {
            ClaimId = claimId, Role = "assistant", Content = text, Model = reply.Model,
            InputTokens = reply.InputTokens, OutputTokens = reply.OutputTokens, CreatedAt = now.AddMilliseconds(1)
        });
        db.ModelUsage.Add(new ModelUsage
        {
            Feature = "intake-chat", Model = reply.Model, InputTokens = reply.InputTokens ?? 0,
            OutputTokens = reply.OutputTokens ?? 0, At = now
        });
        await db.SaveChangesAsync(ct);

        var session = grains.GetGrain<IClaimSessionGrain>(claimId);
        await session.AppendTurnAsync("customer", message);
        await session.AppendTurnAsync("assistant", text);

        return new ClaimChatResponse(claimId, labeler.Label(text), reply.Model, reply.InputTokens, reply.OutputTokens);
    }

    [HttpGet("{claimId}/messages")]
    [RequireRealName]
    public async Task<ActionResult<IReadOnlyList<ClaimMessageDto>>> Messages(string claimId, [FromQuery] int take = 50, CancellationToken ct = default)
    {
        if (await FindOwnClaimAsync(claimId, ct) is null) return NotFound();
        var messages = await db.ClaimMessages.AsNoTracking()
            .Where(m => m.ClaimId == claimId)
            .OrderByDescending(m => m.CreatedAt)
            .Take(Math.Clamp(take, 1, 200))
            .Select(m => new ClaimMessageDto(m.Role, m.Content, m.CreatedAt))
            .ToListAsync(ct);
        messages.Reverse();
        return messages;
    }

    [HttpGet("{claimId}/session")]
    public async Task<ActionResult<ClaimSessionDto>> Session(string claimId, [FromServices] IAigcTextLabeler labeler, CancellationToken ct)
    {
        if (await FindOwnClaimAsync(claimId, ct) is null) return NotFound();
        var snapshot = await grains.GetGrain<IClaimSessionGrain>(claimId).GetSnapshotAsync();
        var summary = snapshot.Summary is null ? null : labeler.Label(snapshot.Summary);
        return new ClaimSessionDto(claimId, snapshot.CustomerTurns, summary, snapshot.SummarizedAt);
    }

    [HttpPost("{claimId}/photos")]
    [RequestSizeLimit(MaxPhotoBytes)]
    public async Task<ActionResult<PhotoAcceptedDto>> UploadPhoto(string claimId, IFormFile file, CancellationToken ct)
    {
        var claim = await FindOwnClaimAsync(claimId, ct);
        if (claim is null) return NotFound();
        if (!AllowedPhotoTypes.Contains(file.ContentType))
        {
            return Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: $"不支持的文件类型：{file.ContentType}");
        }

        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        var photo = new ClaimPhoto
        {
            Id = Guid.NewGuid(),
            ClaimId = claimId,
            OriginalFileName = Path.GetFileName(file.FileName),
            ContentType = file.ContentType,
            SizeBytes = file.Length,
            Status = PhotoStatus.Uploaded,
            UploadedAt = DateTimeOffset.UtcNow
        };
        photo.ObjectKey = $"photos/{claimId}/{photo.Id:N}{Path.GetExtension(photo.OriginalFileName)}";

        await store.PutAsync(photo.ObjectKey, buffer.ToArray(), file.ContentType, null, ct);
        db.ClaimPhotos.Add(photo);
        await db.SaveChangesAsync(ct);
        await photoQueue.EnqueueAsync(new PhotoJob(photo.Id, claimId), ct);

        return Accepted(new PhotoAcceptedDto(photo.Id, photo.Status.ToString()));
    }

    [HttpGet("{claimId}/photos")]
    public async Task<ActionResult<IReadOnlyList<PhotoDto>>> Photos(string claimId, CancellationToken ct)
    {
        if (await FindOwnClaimAsync(claimId, ct) is null) return NotFound();
        return await db.ClaimPhotos.AsNoTracking()
            .Where(p => p.ClaimId == claimId)
            .OrderBy(p => p.UploadedAt)
            .Select(p => new PhotoDto(p.Id, p.OriginalFileName, p.Status.ToString(), p.DamageDescription, p.UploadedAt))
            .ToListAsync(ct);
    }

    [HttpPost("{claimId}/notes")]
    public async Task<ActionResult<NoteReceipt>> AddNote(string claimId, NoteRequest request, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.Text) || request.Text.Length > 2000)
        {
            return ValidationProblem("备注不能为空且不超过2000字");
        }
        if (await FindOwnClaimAsync(claimId, ct) is null) return NotFound();

        var note = new ClaimMessage { ClaimId = claimId, Role = "customer", Content = request.Text.Trim(), CreatedAt = DateTimeOffset.UtcNow };
        db.ClaimMessages.Add(note);
        await db.SaveChangesAsync(ct);
        return new NoteReceipt(claimId, note.Content, note.CreatedAt);
    }

    [HttpGet("{claimId}/usage")]
    public async Task<ActionResult<IReadOnlyList<UsageDto>>> Usage(string claimId, CancellationToken ct)
    {
        if (await FindOwnClaimAsync(claimId, ct) is null) return NotFound();
        var rows = await db.ClaimMessages.AsNoTracking()
            .Where(m => m.ClaimId == claimId && m.Model != null)
            .GroupBy(m => m.Model!)
            .Select(g => new UsageDto("intake-chat", g.Key, g.Count(), g.Sum(m => m.InputTokens ?? 0), g.Sum(m => m.OutputTokens ?? 0)))
            .ToListAsync(ct);
        return rows;
    }

    [HttpGet("{claimId}/letters/{letterId:guid}/download")]
    [RequireRealName]
    public async Task<ActionResult<DownloadLinkDto>> DownloadLetter(string claimId, Guid letterId, CancellationToken ct)
    {
        if (await FindOwnClaimAsync(claimId, ct) is null) return NotFound();
        var key = await db.DecisionLetters.AsNoTracking()
            .Where(l => l.Id == letterId && l.ClaimId == claimId && l.Status == LetterStatus.Sent)
            .Select(l => l.DocumentKey)
            .FirstOrDefaultAsync(ct);
        if (key is null) return NotFound();

        var (url, expires) = await store.GetDownloadUrlAsync(key);
        return new DownloadLinkDto(url.ToString(), expires);
    }

    [HttpPost("{claimId}/withdraw")]
    public async Task<IActionResult> Withdraw(string claimId, CancellationToken ct)
    {
        var claim = await db.Claims.FirstOrDefaultAsync(c => c.Id == claimId && c.CustomerId == User.GetUserId(), ct);
        if (claim is null) return NotFound();
        if (claim.Status is not (ClaimStatus.Open or ClaimStatus.AwaitingDocuments))
        {
            return Problem(statusCode: StatusCodes.Status409Conflict, title: $"当前状态（{claim.Status}）不可撤案");
        }

        var old = claim.Status;
        claim.Status = ClaimStatus.Closed;
        claim.UpdatedAt = DateTimeOffset.UtcNow;
        await db.SaveChangesAsync(ct);
        await bus.Send(new ClaimStatusChanged(claim.Id, old, claim.Status, User.GetUserId()));
        logger.LogInformation("Claim {ClaimId} withdrawn by customer", claim.Id);
        return NoContent();
    }

    private Task<InsuranceClaim?> FindOwnClaimAsync(string claimId, CancellationToken ct)
    {
        var userId = User.GetUserId();
        return db.Claims.AsNoTracking().FirstOrDefaultAsync(c => c.Id == claimId && c.CustomerId == userId, ct);
    }
}
