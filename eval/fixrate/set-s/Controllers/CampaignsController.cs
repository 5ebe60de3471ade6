using DeepSynth.Compliance;
using DeepSynth.Compliance.Audit;
using DeepSynth.Compliance.Labeling;
using DeepSynth.Compliance.Review;
using FluentValidation;
using HuoPin.Live.Domain;
using HuoPin.Live.Infrastructure.Compliance;
using HuoPin.Live.Infrastructure.Messaging;
using HuoPin.Live.Services;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace HuoPin.Live.Controllers;

public sealed record CreateCampaignRequest(
    string Name, string Goal, string? Offer, string? Audience, Guid? ProductId,
    List<CampaignRecipient> Recipients, DateTimeOffset? ScheduledAt, bool PersonalizeGreeting = false, bool SendPush = false);

public sealed record RegenerateSmsRequest(string? ToneHint);

public sealed record SubjectVariantsRequest(string? Hint, int Count = 3);

public sealed record CampaignView(
    Guid Id, string Name, string Goal, string Status, string? SmsText, string? EmailSubject, string? EmailHtml,
    int Recipients, DateTimeOffset? ScheduledAt, DateTimeOffset? SentAt, int Delivered, int Failed)
{
    public static CampaignView From(Campaign c) => new(
        c.Id, c.Name, c.Goal, c.Status.ToString(), c.SmsText, c.EmailSubject, c.EmailHtml,
        c.Recipients.Count, c.ScheduledAt, c.SentAt, c.DeliveredCount, c.FailedCount);
}

public sealed class CreateCampaignRequestValidator : AbstractValidator<CreateCampaignRequest>
{
    public CreateCampaignRequestValidator()
    {
        RuleFor(r => r.Name).NotEmpty().MaximumLength(60);
        RuleFor(r => r.Goal).NotEmpty().MaximumLength(200);
        RuleFor(r => r.Recipients).NotEmpty().Must(r => r.Count <= 5000).WithMessage("单次活动最多 5000 位收件人");
        RuleForEach(r => r.Recipients).Must(r => r.Email is not null || r.Phone is not null || r.PushToken is not null)
            .WithMessage("收件人至少需要邮箱、手机号或推送 token 之一");
        RuleFor(r => r.ScheduledAt).Must(t => t is null || t > DateTimeOffset.UtcNow).WithMessage("定时时间必须晚于当前时间");
    }
}

[ApiController]
[Route("api/campaigns")]
[Authorize(Policy = "Merchant")]
public sealed class CampaignsController(
    IDocumentSession session,
    IMarketingCopyService copy,
    IContentReviewer review,
    IAigcTextLabeler label,
    ISynthesisAuditLog audit,
    ICampaignDispatchPublisher dispatch,
    IValidator<CreateCampaignRequest> validator,
    ILogger<CampaignsController> logger) : ControllerBase
{
    [HttpGet]
    public async Task<IEnumerable<CampaignView>> List(CancellationToken ct)
    {
        var merchantId = User.UserId();
        var campaigns = await session.Query<Campaign>()
            .Where(c => c.MerchantId == merchantId)
            .OrderByDescending(c => c.CreatedAt)
            .ToListAsync(ct);
        return campaigns.Select(CampaignView.From);
    }

    [HttpGet("{id:guid}")]
    public async Task<ActionResult<CampaignView>> Get(Guid id, CancellationToken ct)
    {
        var campaign = await LoadOwnedAsync(id, ct);
        return campaign is null ? NotFound() : CampaignView.From(campaign);
    }

    [HttpPost]
    [RequireRealName]
    public async Task<ActionResult<CampaignView>> Create(CreateCampaignRequest request, CancellationToken ct)
    {
        var validation = await validator.ValidateAsync(request, ct);
        if (!validation.IsValid)
        {
            return ValidationProblem(new ValidationProblemDetails(validation.ToDictionary()));
        }

        var brief = new CampaignBrief(request.Name, request.Goal, request.Offer, request.Audience);
        await review.EnsureAllTextAllowedAsync(brief, ReviewStage.Input, ct);

        var product = request.ProductId is { } productId ? await session.LoadAsync<Product>(productId, ct) : null;
        var (draft, model) = await copy.DraftCampaignAsync(brief, product, ct);
        await review.EnsureAllTextAllowedAsync(draft, ReviewStage.Output, ct);
        await audit.RecordAllTextAsync(draft, new GenerationRecord { UserId = User.UserId(), Model = model, ContentId = $"campaign-draft:{request.Name}" }, ct);

        var campaign = new Campaign
        {
            Id = Guid.NewGuid(),
            MerchantId = User.UserId(),
            Name = request.Name,
            Goal = request.Goal,
            ProductId = product?.Id,
            Recipients = request.Recipients,
            PersonalizeGreeting = request.PersonalizeGreeting,
            SendPush = request.SendPush,
            SmsText = label.Label(draft.SmsText),
            EmailSubject = label.Label(draft.EmailSubject),
            EmailHtml = label.Label(draft.EmailHtml),
            CopyModel = model,
            Status = request.ScheduledAt is null ? CampaignStatus.Draft : CampaignStatus.Scheduled,
            ScheduledAt = request.ScheduledAt,
            CreatedAt = DateTimeOffset.UtcNow,
        };
        session.Store(campaign);
        await session.SaveChangesAsync(ct);

        return CreatedAtAction(nameof(Get), new { id = campaign.Id }, CampaignView.From(campaign));
    }

    [HttpPost("{id:guid}/sms/regenerate")]
    [RequireRealName]
    public async Task<ActionResult<CampaignView>> RegenerateSms(Guid id, RegenerateSmsRequest request, CancellationToken ct)
    {
        var campaign = await LoadOwnedAsync(id, ct);
        if (campaign is null)
        {
            return NotFound();
        }
        if (campaign.Status is not (CampaignStatus.Draft or CampaignStatus.Scheduled))
        {
            return Conflict(new ProblemDetails { Title = "活动已发送，不能修改短信内容" });
        }

        var product = campaign.ProductId is { } productId ? await session.LoadAsync<Product>(productId, ct) : null;
        var generated = await copy.RewriteSmsAsync(campaign, product, request.ToneHint, ct);
        var sms = await review.EnsureAllowedAsync(generated.Text, ReviewStage.Output, ct);

        campaign.SmsText = label.Label(sms);
        campaign.CopyModel = generated.Model;
        session.Store(campaign);
        await session.SaveChangesAsync(ct);
        return CampaignView.From(campaign);
    }

    [HttpPost("{id:guid}/subject-variants")]
    public async Task<IActionResult> SubjectVariants(Guid id, SubjectVariantsRequest request, CancellationToken ct)
    {
        var campaign = await LoadOwnedAsync(id, ct);
        if (campaign is null)
        {
            return NotFound();
        }

        var variants = await copy.SuggestSubjectLinesAsync(campaign, request.Hint, Math.Clamp(request.Count, 2, 5), ct);
        return Ok(new { campaign.Id, current = campaign.EmailSubject, variants });
    }

    [HttpPost("{id:guid}/send")]
    public async Task<IActionResult> Send(Guid id, CancellationToken ct)
    {
        var campaign = await LoadOwnedAsync(id, ct);
        if (campaign is null)
        {
            return NotFound();
        }
        if (campaign.Status is CampaignStatus.Sending or CampaignStatus.Sent)
        {
            return Conflict(new ProblemDetails { Title = $"活动状态为 {campaign.Status}，不能重复发送" });
        }

        await dispatch.PublishAsync(new CampaignDispatchMessage(campaign.Id, campaign.MerchantId, DateTimeOffset.UtcNow), ct);
        logger.LogInformation("Campaign {CampaignId} queued for {Recipients} recipients", campaign.Id, campaign.Recipients.Count);
        return Accepted(new { campaign.Id, status = "Queued", recipients = campaign.Recipients.Count });
    }

    [HttpDelete("{id:guid}")]
    public async Task<IActionResult> Delete(Guid id, CancellationToken ct)
    {
        var campaign = await LoadOwnedAsync(id, ct);
        if (campaign is null)
        {
            return NotFound();
        }

        session.Delete(campaign);
        await session.SaveChangesAsync(ct);
        return NoContent();
    }

    private async Task<Campaign?> LoadOwnedAsync(Guid id, CancellationToken ct)
    {
        var campaign = await session.LoadAsync<Campaign>(id, ct);
        return campaign is not null && campaign.MerchantId == User.UserId() ? campaign : null;
    }
}
