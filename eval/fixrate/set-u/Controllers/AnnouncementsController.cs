using DeepSynth.Compliance;
using DeepSynth.Compliance.Audit;
using DeepSynth.Compliance.Labeling;
using DeepSynth.Compliance.Review;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Cosmos;
using StarHarbor.LiveOps.Commands;
using StarHarbor.LiveOps.Data;
using StarHarbor.LiveOps.Infrastructure;
using StarHarbor.LiveOps.Models;

namespace StarHarbor.LiveOps.Controllers;

[ApiController]
[Route("api/announcements")]
public sealed class AnnouncementsController(
    IMediator mediator,
    IDocumentStore store,
    IAnnouncementTranslator translator,
    IContentReviewer review,
    IAigcTextLabeler label,
    ISynthesisAuditLog audit,
    TimeProvider clock) : ControllerBase
{
    private static readonly HashSet<string> Languages = ["en", "ja", "ko", "zh-Hant"];

    [HttpPost("drafts")]
    [Authorize(Roles = "liveops")]
    public async Task<ActionResult<AnnouncementDraftView>> Draft(AnnouncementDraftRequest request, CancellationToken ct)
    {
        if (request.Changelog.Count == 0) return ValidationProblem("Changelog must have at least one entry.");
        var draft = await mediator.Send(new DraftAnnouncementCommand(
            User.PlayerId(), request.Kind, request.Region, request.Headline, request.Changelog, request.Tone), ct);
        return Ok(draft);
    }

    [HttpPut("drafts/{region}/{id}")]
    [Authorize(Roles = "liveops")]
    public async Task<IActionResult> Edit(string region, string id, AnnouncementEditRequest request, CancellationToken ct)
    {
        var doc = await store.GetAsync<AnnouncementDoc>(Containers.Announcements, id, region, ct);
        if (doc is null) return NotFound();
        if (doc.Status != "draft") return Conflict(new { error = "Only drafts can be edited.", doc.Status });

        await store.UpsertAsync(Containers.Announcements, doc with { EditedBody = request.Body }, region, ct);
        return Ok(new { id, status = doc.Status, editedBy = User.PlayerId(), editedAt = clock.GetUtcNow() });
    }

    [HttpPost("{region}/{id}/publish")]
    [Authorize(Roles = "liveops")]
    [RequireRealName]
    public async Task<ActionResult<PublishedAnnouncementView>> Publish(string region, string id, AnnouncementPublishRequest request, CancellationToken ct)
    {
        var doc = await store.GetAsync<AnnouncementDoc>(Containers.Announcements, id, region, ct);
        if (doc is null) return NotFound();
        if (doc.Status == "published") return Conflict(new { error = "Already published." });

        var body = await review.EnsureAllowedAsync(doc.EditedBody ?? doc.DraftBody ?? "", ReviewStage.Output, ct);
        var labeled = label.Label(body);
        await audit.RecordAsync(body, new GenerationRecord { Model = doc.Model, ContentId = doc.Id, Labeled = true }, ct);

        var published = doc with { Status = "published", PublishedBody = labeled, PublishAt = request.PublishAt ?? clock.GetUtcNow() };
        await store.UpsertAsync(Containers.Announcements, published, region, ct);
        await mediator.Publish(new AnnouncementPublished(doc.Id, region, doc.Kind, doc.Headline, labeled, published.PublishAt), ct);

        return new PublishedAnnouncementView(doc.Id, doc.Kind, doc.Headline, labeled, published.PublishAt);
    }

    [HttpPost("{region}/{id}/translations/{lang}")]
    [Authorize(Roles = "liveops")]
    [RequireRealName]
    public async Task<IActionResult> Translate(string region, string id, string lang, CancellationToken ct)
    {
        if (!Languages.Contains(lang)) return BadRequest(new { error = $"Unsupported language {lang}", supported = Languages });
        var doc = await store.GetAsync<AnnouncementDoc>(Containers.Announcements, id, region, ct);
        if (doc?.PublishedBody is null) return NotFound();

        var translated = await translator.TranslateAsync(doc.PublishedBody, lang, ct);
        translated = await review.EnsureAllowedAsync(translated, ReviewStage.Output, ct);
        await audit.RecordAsync(translated, new GenerationRecord { Model = translator.Deployment, ContentId = $"{doc.Id}:{lang}" }, ct);

        var labeled = label.Label(translated);
        doc.Translations[lang] = labeled;
        await store.UpsertAsync(Containers.Announcements, doc, region, ct);
        return Ok(new { id, lang, body = labeled });
    }

    [HttpGet("{region}")]
    [AllowAnonymous]
    [ResponseCache(Duration = 60)]
    public async Task<ApiEnvelope<IReadOnlyList<PublishedAnnouncementView>>> ListPublished(string region, CancellationToken ct)
    {
        var docs = await store.QueryAsync<AnnouncementDoc>(Containers.Announcements,
            new QueryDefinition("SELECT * FROM c WHERE c.region = @r AND c.status = 'published' ORDER BY c.publishAt DESC OFFSET 0 LIMIT 20")
                .WithParameter("@r", region), ct);
        IReadOnlyList<PublishedAnnouncementView> items =
            docs.Select(d => new PublishedAnnouncementView(d.Id, d.Kind, d.Headline, d.PublishedBody ?? "", d.PublishAt)).ToList();
        return ApiEnvelope<IReadOnlyList<PublishedAnnouncementView>>.From(HttpContext, items);
    }

    [HttpGet("{region}/schedule")]
    [AllowAnonymous]
    public async Task<IEnumerable<AnnouncementScheduleItem>> Schedule(string region, CancellationToken ct)
    {
        var docs = await store.QueryAsync<AnnouncementDoc>(Containers.Announcements,
            new QueryDefinition("SELECT * FROM c WHERE c.region = @r AND c.publishAt >= @since")
                .WithParameter("@r", region).WithParameter("@since", clock.GetUtcNow().AddDays(-7)), ct);
        return docs.OrderBy(d => d.PublishAt).Select(d => new AnnouncementScheduleItem(d.Id, d.Headline, d.Kind, d.Status, d.PublishAt));
    }

    [HttpGet("{region}/{id}/stats")]
    [Authorize(Roles = "liveops")]
    public async Task<ActionResult<AnnouncementStats>> Stats(string region, string id, CancellationToken ct)
    {
        var doc = await store.GetAsync<AnnouncementDoc>(Containers.Announcements, id, region, ct);
        return doc is null ? NotFound() : new AnnouncementStats(doc.Id, doc.Views, doc.PushDeliveries, doc.Status);
    }
}
