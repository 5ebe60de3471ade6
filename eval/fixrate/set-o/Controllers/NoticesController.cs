using System.Security.Claims;
using DeepSynth.Compliance;
using DeepSynth.Compliance.Audit;
using DeepSynth.Compliance.Imaging;
using DeepSynth.Compliance.Labeling;
using DeepSynth.Compliance.Review;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine;
using ZhengWuTong.Contracts;
using ZhengWuTong.Domain;
using ZhengWuTong.Infrastructure.Storage;
using ZhengWuTong.Messaging;
using ZhengWuTong.Services;

namespace ZhengWuTong.Controllers;

[ApiController]
[Route("api/notices")]
[Authorize(Policy = "Clerk")]
[RequireRealName]
public sealed class NoticesController(
    INoticeService noticeService,
    INoticeRepository notices,
    IContentReviewer review,
    IAigcTextLabeler label,
    ISynthesisAuditLog audit,
    IMessageBus bus) : ControllerBase
{
    private string ClerkId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    [HttpPost("generate")]
    public async Task<ActionResult<NoticeView>> Generate([FromBody] NoticeGenerateRequest request, CancellationToken ct)
    {
        await review.EnsureAllTextAllowedAsync(request, ReviewStage.Input, ct);

        var notice = await noticeService.GenerateAsync(request, ClerkId, ct);
        var body = await review.EnsureAllowedAsync(notice.Body, ReviewStage.Output, ct);

        await audit.RecordAsync(body, new GenerationRecord
        {
            UserId = ClerkId,
            Model = notice.Model,
            ContentId = notice.Id.ToString(),
            Labeled = true
        }, ct);

        return CreatedAtAction(nameof(Get), new { id = notice.Id.ToString() }, ToView(notice, label.Label(body)));
    }

    [HttpGet("{id}")]
    public ActionResult<NoticeView> Get(string id)
    {
        var notice = notices.Get(id);
        return notice is null ? NotFound() : ToView(notice, label.Label(notice.Body));
    }

    [HttpPost("{id}/approve")]
    public IActionResult Approve(string id)
    {
        var notice = notices.Get(id);
        if (notice is null)
        {
            return NotFound();
        }

        if (notice.Status != NoticeStatus.Draft)
        {
            return Conflict(new { error = $"notice is {notice.Status}" });
        }

        notice.Status = NoticeStatus.Approved;
        notices.Update(notice);
        return Ok(new { id, status = notice.Status.ToString() });
    }

    [HttpPost("{id}/publish")]
    public async Task<IActionResult> Publish(string id)
    {
        var notice = notices.Get(id);
        if (notice is null)
        {
            return NotFound();
        }

        if (notice.Status != NoticeStatus.Approved)
        {
            return Conflict(new { error = "notice must be approved before publishing" });
        }

        notice.Status = NoticeStatus.Published;
        notice.PublishedAt = DateTime.UtcNow;
        notices.Update(notice);

        await bus.PublishAsync(new NoticePublished(id, ClerkId));
        return Accepted(new { id, status = notice.Status.ToString(), publishedAt = notice.PublishedAt });
    }

    [HttpPost("{id}/poster")]
    public async Task<IActionResult> AttachPoster(
        string id,
        [FromServices] IMediaGenerationService media,
        [FromServices] IVisibleImageLabeler imageLabeler,
        [FromServices] GovDataStore store,
        CancellationToken ct)
    {
        var notice = notices.Get(id);
        if (notice is null)
        {
            return NotFound();
        }

        var image = await media.RenderPosterAsync($"{notice.Title}。{notice.KeyPoints}", "1024x1536", ct);
        var png = await review.EnsureMediaAllowedAsync(image.Png, "image/png", ReviewStage.Output, ct);
        var labeled = imageLabeler.Label(png, ct);

        notice.PosterFileId = store.SaveFile($"$/notice-posters/{id}", $"{id}.png", labeled);
        notices.Update(notice);

        return Ok(new { id, posterUrl = $"/media/notices/{id}/poster.png", model = image.Model });
    }

    [HttpGet("stats")]
    public ActionResult<NoticeStats> Stats()
    {
        var c = notices.Counts();
        return new NoticeStats(c.Draft, c.Approved, c.Published, c.Withdrawn);
    }

    private static NoticeView ToView(PublicNotice n, string body) =>
        new(n.Id.ToString(), n.Title, n.Department, n.DocumentNumber, n.EffectiveFrom, n.EffectiveUntil,
            n.ContactPhone, body, n.Status.ToString());
}
