using System.Net;
using System.Security.Claims;
using DeepSynth.Compliance;
using DeepSynth.Compliance.Audit;
using DeepSynth.Compliance.Labeling;
using DeepSynth.Compliance.Metadata;
using DeepSynth.Compliance.Review;
using XueBa.Coach.Contracts;
using XueBa.Coach.Infrastructure.Data;
using XueBa.Coach.Infrastructure.Web;
using XueBa.Coach.Services;

namespace XueBa.Coach.Endpoints;

public static class MediaEndpoints
{
    public static IEndpointRouteBuilder MapMediaEndpoints(this IEndpointRouteBuilder app)
    {
        var media = app.MapGroup("/api/media").WithTags("Media").RequireAuthorization();

        media.MapPost("/passages", CreatePassage).AddEndpointFilter<GradeRangeFilter>().RequireRealName();
        media.MapGet("/passages/{id:guid}/print", PrintPassage);
        media.MapPost("/illustrations", CreateIllustration).RequireRealName();
        media.MapGet("/assets/{id:guid}", GetAsset).RequireRealName();
        media.MapGet("/assets/{id:guid}/meta", GetAssetMeta);
        media.MapPost("/pronunciation", Pronounce).RequireRealName();
        media.MapPost("/passages/{id:guid}/read-aloud", ReadAloud);
        media.MapGet("/read-aloud/{id:guid}", GetReadAloud);

        return app;
    }

    private static async Task<IResult> CreatePassage(PassageRequest request, ClaimsPrincipal user, IMediaStudioService studio,
        ILearningRepository repo, IContentReviewer review, IAigcTextLabeler label, ISynthesisAuditLog audit, CancellationToken ct)
    {
        var topic = await review.EnsureAllowedAsync(request.Topic, ReviewStage.Input, ct);
        var completion = await studio.WritePassageAsync(request with { Topic = topic }, ct);
        var body = await review.EnsureAllowedAsync(completion.Text, ReviewStage.Output, ct);

        var id = await repo.SavePassageAsync(new PassageRow
        {
            AuthorId = user.UserId(),
            Topic = topic,
            Grade = request.Grade,
            Body = body,
            Model = completion.Model,
        }, ct);

        await audit.RecordAsync(body, new GenerationRecord
        {
            UserId = user.UserId(),
            Model = completion.Model,
            ContentId = id.ToString("N"),
            Labeled = true,
        }, ct);

        return Results.Created($"/api/media/passages/{id}/print", new PassageDto(id, topic, request.Grade, label.Label(body), null));
    }

    private static async Task<IResult> PrintPassage(Guid id, ILearningRepository repo, IAigcTextLabeler label, CancellationToken ct)
    {
        var passage = await repo.GetPassageAsync(id, ct);
        if (passage is null) return Results.NotFound();

        var paragraphs = label.Label(passage.Body)
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => $"<p>{WebUtility.HtmlEncode(p)}</p>");
        var image = passage.IllustrationId is { } imageId ? $"<img src=\"/api/media/assets/{imageId}\" alt=\"\" style=\"max-width:100%\"/>" : "";

        var html = $"""
            <!DOCTYPE html>
            <html lang="zh-CN"><head><meta charset="utf-8"><title>{WebUtility.HtmlEncode(passage.Topic)}</title>
            <link rel="stylesheet" href="/css/print.css"></head>
            <body><h1>{WebUtility.HtmlEncode(passage.Topic)}</h1>{image}{string.Concat(paragraphs)}
            <footer>适用年级：{passage.Grade}</footer></body></html>
            """;
        return Results.Content(html, "text/html; charset=utf-8");
    }

    private static async Task<IResult> CreateIllustration(IllustrationRequest request, ClaimsPrincipal user, IMediaStudioService studio,
        ILearningRepository repo, IContentReviewer review, IAigcFileLabeler fileLabeler, ISynthesisAuditLog audit, CancellationToken ct)
    {
        var passage = await repo.GetPassageAsync(request.PassageId, ct);
        if (passage is null) return Results.NotFound();

        var scene = await review.EnsureAllowedAsync(request.Scene, ReviewStage.Input, ct);
        var image = await studio.IllustrateAsync(passage, scene, request.Style, ct);
        var allowed = await review.EnsureMediaAllowedAsync(image.Bytes, image.ContentType, ReviewStage.Output, ct);

        var contentId = ContentId.New(TimeProvider.System);
        var labeled = fileLabeler.Label(allowed, new FileLabelRequest
        {
            AddExplicitLabel = true,
            Metadata = new AigcMetadataBuilder("XueBa-Coach-2025").WithProduceId(contentId).Build(),
        }, ct);

        await audit.RecordAsync(labeled, new GenerationRecord
        {
            UserId = user.UserId(),
            Model = image.Model,
            Kind = GeneratedMediaKind.Image,
            ContentId = contentId,
            Labeled = true,
        }, ct);

        var asset = await studio.SaveAsync(user.UserId(), "illustration", labeled, image.ContentType, image.Model, ct);
        await repo.AttachIllustrationAsync(passage.Id, asset.Id, ct);

        return Results.File(labeled, image.ContentType, $"illustration-{asset.Id:N}.png");
    }

    private static async Task<IResult> GetAsset(Guid id, IMediaStudioService studio, CancellationToken ct)
    {
        var opened = await studio.OpenAsync(id, ct);
        if (opened is null) return Results.NotFound();
        var (asset, bytes) = opened.Value;
        return Results.File(bytes, asset.ContentType, enableRangeProcessing: true);
    }

    private static async Task<IResult> GetAssetMeta(Guid id, ILearningRepository repo, CancellationToken ct)
    {
        var asset = await repo.GetMediaAssetAsync(id, ct);
        return asset is null
            ? Results.NotFound()
            : Results.Ok(new MediaAssetDto(asset.Id, asset.Kind, $"/api/media/assets/{asset.Id}", asset.ContentType, asset.Bytes));
    }

    private static async Task<IResult> Pronounce(PronunciationRequest request, ClaimsPrincipal user, IMediaStudioService studio,
        IContentReviewer review, IAigcFileLabeler fileLabeler, CancellationToken ct)
    {
        var text = await review.EnsureAllowedAsync(request.Text, ReviewStage.Input, ct);
        var speech = await studio.SpeakAsync(text, request.Voice, request.Speed, "wav", ct);
        var labeled = fileLabeler.Label(speech.Audio, new FileLabelRequest { AddExplicitLabel = true }, ct);
        return Results.File(labeled, "audio/wav", "pronunciation.wav");
    }

    private static async Task<IResult> ReadAloud(Guid id, ClaimsPrincipal user, ILearningRepository repo, IMediaStudioService studio, CancellationToken ct)
    {
        var passage = await repo.GetPassageAsync(id, ct);
        if (passage is null) return Results.NotFound();

        var speech = await studio.SpeakAsync(passage.Body, null, 0.9, "mp3", ct);
        var asset = await studio.SaveAsync(user.UserId(), "read-aloud", speech.Audio, "audio/mpeg", speech.Model, ct);
        return Results.Ok(new { assetId = asset.Id, url = $"/api/media/read-aloud/{asset.Id}", durationMs = speech.DurationMs, voice = speech.Voice });
    }

    private static async Task<IResult> GetReadAloud(Guid id, IMediaStudioService studio, CancellationToken ct)
    {
        var opened = await studio.OpenAsync(id, ct);
        if (opened is null || opened.Value.Asset.Kind != "read-aloud") return Results.NotFound();
        return Results.File(opened.Value.Bytes, "audio/mpeg", enableRangeProcessing: true);
    }
}
