using DeepSynth.Compliance;
using DeepSynth.Compliance.Audit;
using DeepSynth.Compliance.Labeling;
using DeepSynth.Compliance.Review;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using WealthPal.Ai;
using WealthPal.Data;
using WealthPal.Infrastructure;
using WealthPal.Models;
using WealthPal.Notifications;

namespace WealthPal.Controllers.Api;

/// <summary>Copy workbench for the wealth marketing team.</summary>
[Route("api/marketing")]
[Authorize(Policy = "Marketing")]
public sealed class MarketingController(WealthDbContext db, PortfolioCommentaryService writer, IContentReviewer review,
    IAigcTextLabeler label, ISynthesisAuditLog audit) : WealthApiController
{
    private static readonly string[] Channels = ["app", "sms", "wechat", "web"];

    [HttpPost("drafts")]
    [RequireRealName]
    public async Task<ActionResult<DraftDto>> CreateDraft(DraftRequest request, CancellationToken ct)
    {
        if (!Channels.Contains(request.Channel)) return ValidationProblem("未知渠道");

        var brief = await review.EnsureAllowedAsync(request.Brief, ReviewStage.Input, ct);
        var copy = await writer.WriteCopyAsync(request.FundCode, request.Channel, brief, 0.7, ct);
        await review.EnsureAllTextAllowedAsync(copy, ReviewStage.Output, ct);
        await audit.RecordAllTextAsync(copy, new GenerationRecord
        {
            UserId = User.UserId(), Model = "qwen-plus",
            Attributes = { ["feature"] = "marketing-copy", ["fund"] = request.FundCode }
        }, ct);

        var draft = new MarketingDraft
        {
            Id = Guid.NewGuid(), FundCode = request.FundCode, Channel = request.Channel, Brief = brief,
            Headline = copy.Headline, Body = copy.Body, CreatedBy = User.UserId(), CreatedAt = DateTimeOffset.UtcNow
        };
        db.MarketingDrafts.Add(draft);
        await db.SaveChangesAsync(ct);

        return new DraftDto(draft.Id, draft.FundCode, draft.Channel, label.Label(copy.Headline), label.Label(copy.Body));
    }

    [HttpPost("drafts/variants")]
    [RequireRealName]
    public async Task<ActionResult<List<DraftDto>>> Variants(VariantsRequest request, CancellationToken ct)
    {
        var brief = await review.EnsureAllowedAsync(request.Brief, ReviewStage.Input, ct);

        var variants = new List<CopyDraft>();
        for (var i = 0; i < request.Count; i++)
            variants.Add(await writer.WriteCopyAsync(request.FundCode, "app", brief, 0.6 + 0.1 * i, ct));

        await review.EnsureAllTextAllowedAsync(variants[0], ReviewStage.Output, ct);

        var result = new List<DraftDto>();
        foreach (var v in variants)
        {
            await audit.RecordAsync($"{v.Headline}\n{v.Body}", new GenerationRecord { UserId = User.UserId(), Model = "qwen-plus" }, ct);
            var draft = new MarketingDraft
            {
                Id = Guid.NewGuid(), FundCode = request.FundCode, Channel = "app", Brief = brief,
                Headline = v.Headline, Body = v.Body, CreatedBy = User.UserId(), CreatedAt = DateTimeOffset.UtcNow
            };
            db.MarketingDrafts.Add(draft);
            result.Add(new DraftDto(draft.Id, draft.FundCode, draft.Channel, label.Label(v.Headline), label.Label(v.Body)));
        }
        await db.SaveChangesAsync(ct);
        return result;
    }

    [HttpGet("campaigns")]
    public async Task<List<CampaignRowDto>> Campaigns([FromQuery] string? status, CancellationToken ct)
    {
        var q = db.MarketingDrafts.AsNoTracking();
        if (Enum.TryParse<DraftStatus>(status, true, out var s)) q = q.Where(d => d.Status == s);
        return await q.OrderByDescending(d => d.CreatedAt).Take(200)
            .Select(d => new CampaignRowDto(d.Id, d.FundCode, d.Channel, d.Status.ToString(), d.CreatedBy, d.CreatedAt, d.ApprovedBy))
            .ToListAsync(ct);
    }

    [HttpPost("drafts/{id:guid}/publish")]
    public async Task<IActionResult> Publish(Guid id, CancellationToken ct)
    {
        var draft = await db.MarketingDrafts.FirstOrDefaultAsync(d => d.Id == id, ct);
        if (draft is null) return NotFoundProblem("草稿");
        if (draft.CreatedBy == User.UserId())
            return Problem(title: "Four-eyes rule", detail: "发布需由撰写人以外的同事审批", statusCode: StatusCodes.Status409Conflict);

        var fund = await db.Funds.FirstAsync(f => f.Code == draft.FundCode, ct);
        fund.MarketingHeadline = draft.Headline;
        fund.MarketingBody = draft.Body;
        fund.MarketingPublishedAt = DateTimeOffset.UtcNow;
        draft.Status = DraftStatus.Published;
        draft.ApprovedBy = User.UserId();
        await db.SaveChangesAsync(ct);

        return Ok(new { id, fund = fund.Code, status = draft.Status.ToString(), publishedAt = fund.MarketingPublishedAt });
    }

    [HttpPost("drafts/{id:guid}/push")]
    public async Task<IActionResult> Push(Guid id, [FromServices] PushRelay push, CancellationToken ct)
    {
        var draft = await db.MarketingDrafts.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id && d.Status == DraftStatus.Published, ct);
        if (draft is null) return NotFoundProblem("已发布草稿");

        var audience = await db.Customers.AsNoTracking()
            .Where(c => c.MarketingOptIn && c.Holdings.Any())
            .Select(c => c.ExternalUserId)
            .ToListAsync(ct);

        await push.BroadcastAsync(audience, draft.Headline, draft.Body, $"wealthpal://fund/{draft.FundCode}", ct);
        return Accepted(new { id, recipients = audience.Count });
    }
}
