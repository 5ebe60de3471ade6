using System.Net;
using System.Security.Claims;
using Coravel.Queuing.Interfaces;
using DeepSynth.Compliance;
using DeepSynth.Compliance.Audit;
using DeepSynth.Compliance.Imaging;
using DeepSynth.Compliance.Labeling;
using DeepSynth.Compliance.Metadata;
using DeepSynth.Compliance.Review;
using Microsoft.Extensions.Options;
using ZhengWuTong.Contracts;
using ZhengWuTong.Infrastructure.Ai;
using ZhengWuTong.Infrastructure.Storage;
using ZhengWuTong.Services;

namespace ZhengWuTong.Endpoints;

public static class MediaAndOpsEndpoints
{
    public static IEndpointRouteBuilder MapMediaEndpoints(this IEndpointRouteBuilder app)
    {
        var studio = app.MapGroup("/api/media")
            .RequireAuthorization("Clerk")
            .WithTags("Media");

        studio.MapPost("/posters", CreatePoster).RequireRealName();
        studio.MapPost("/posters/variants", CreatePosterVariants);
        studio.MapPost("/broadcasts", CreateBroadcast).RequireRealName();

        var files = app.MapGroup("/media").AllowAnonymous();
        files.MapGet("/{id}", ServeAsset);
        files.MapGet("/notices/{id}/poster.png", ServeNoticePoster);

        var pub = app.MapGroup("/public/notices").AllowAnonymous().WithTags("Public");
        pub.MapGet("/", ListPublicNotices);
        pub.MapGet("/{id}", GetPublicNotice);
        pub.MapGet("/{id}/page", RenderNoticePage);

        return app;
    }

    public static IEndpointRouteBuilder MapOpsEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/healthz").AllowAnonymous();

        var ops = app.MapGroup("/api/ops").RequireAuthorization("Ops").WithTags("Ops");

        ops.MapGet("/models", (IOptions<AzureInferenceOptions> azure, IOptions<DashScopeOptions> dash,
            IOptions<BetalgoOptions> betalgo, IOptions<QianfanOptions> qianfan, IOptions<ArkOptions> arkOpts) => Results.Ok(new
        {
            policyQa = azure.Value.Model,
            assistant = dash.Value.ChatModel,
            letters = betalgo.Value.ChatModel,
            speech = betalgo.Value.SpeechModel,
            notices = qianfan.Value.Model,
            posters = arkOpts.Value.ImageModel
        }));

        ops.MapGet("/usage", (GovDataStore store) =>
        {
            var answers = store.PolicyAnswers.FindAll().ToList();
            var letters = store.Letters.FindAll().ToList();
            return Results.Ok(new
            {
                policyAnswers = answers.Count,
                promptTokens = answers.Sum(a => a.PromptTokens),
                completionTokens = answers.Sum(a => a.CompletionTokens),
                letters = letters.Count,
                letterTokens = letters.Sum(l => l.TotalTokens),
                mediaAssets = store.MediaAssets.Count()
            });
        });

        ops.MapGet("/queue", (IQueue queue) =>
        {
            var metrics = queue.GetMetrics();
            return Results.Ok(new { running = metrics.RunningCount(), waiting = metrics.WaitingCount() });
        });

        return app;
    }

    private static async Task<IResult> CreatePoster(
        PosterRequest request,
        ClaimsPrincipal user,
        IMediaGenerationService media,
        IContentReviewer review,
        IVisibleImageLabeler imageLabeler,
        IAigcFileLabeler fileLabeler,
        ISynthesisAuditLog audit,
        CancellationToken ct)
    {
        var theme = await review.EnsureAllowedAsync(request.Theme, ReviewStage.Input, ct);
        var image = await media.RenderPosterAsync(theme, request.Size, ct);
        var png = await review.EnsureMediaAllowedAsync(image.Png, "image/png", ReviewStage.Output, ct);

        var visible = imageLabeler.Label(png, ct);
        var labeled = fileLabeler.Label(visible, new FileLabelRequest { FileName = "poster.png" }, ct);

        await audit.RecordAsync(labeled, new GenerationRecord
        {
            UserId = user.FindFirstValue(ClaimTypes.NameIdentifier),
            Kind = GeneratedMediaKind.Image,
            Model = image.Model,
            Labeled = true
        }, ct);

        return Results.File(labeled, "image/png", "poster.png");
    }

    private static async Task<IResult> CreatePosterVariants(PosterRequest request, ClaimsPrincipal user, IMediaGenerationService media,
        CancellationToken ct)
    {
        var assets = await media.RenderPosterVariantsAsync(request.Theme, 3, user.FindFirstValue(ClaimTypes.NameIdentifier)!, ct);
        return Results.Ok(assets.Select(a => new { a.Id, url = $"/media/{a.Id}", a.SizeBytes, a.Model }));
    }

    private static async Task<IResult> CreateBroadcast(
        BroadcastRequest request,
        ClaimsPrincipal user,
        IMediaGenerationService media,
        INoticeRepository notices,
        CancellationToken ct)
    {
        var noticeText = request.NoticeId is null ? null : notices.Get(request.NoticeId)?.Body;
        var result = await media.ProduceBroadcastAsync(request.Topic, noticeText, request.DurationSeconds,
            user.FindFirstValue(ClaimTypes.NameIdentifier)!, ct);
        return Results.Ok(new BroadcastCreated(result.Asset.Id, result.Script, $"/media/{result.Asset.Id}"));
    }

    private static IResult ServeAsset(string id, IMediaGenerationService media)
    {
        var asset = media.FindAsset(id);
        if (asset is null)
        {
            return Results.NotFound();
        }

        var bytes = media.ReadAssetBytes(asset);
        return bytes is null ? Results.NotFound() : Results.File(bytes, asset.ContentType, enableRangeProcessing: true);
    }

    private static IResult ServeNoticePoster(string id, INoticeRepository notices, GovDataStore store)
    {
        var notice = notices.Get(id);
        if (notice?.PosterFileId is null)
        {
            return Results.NotFound();
        }

        var bytes = store.ReadFile(notice.PosterFileId);
        return bytes is null ? Results.NotFound() : Results.File(bytes, "image/png");
    }

    private static IResult ListPublicNotices(INoticeRepository notices, int take = 20) =>
        Results.Ok(notices.ListPublished(Math.Clamp(take, 1, 100)).Select(n => new
        {
            id = n.Id.ToString(),
            n.Title,
            n.Department,
            n.DocumentNumber,
            n.EffectiveFrom,
            n.PublishedAt
        }));

    private static IResult GetPublicNotice(string id, INoticeRepository notices, IAigcTextLabeler label, string? lang = null)
    {
        var notice = notices.Get(id);
        if (notice is null || notice.Status != Domain.NoticeStatus.Published)
        {
            return Results.NotFound();
        }

        var body = lang == "en" && notice.EnglishBody is not null ? notice.EnglishBody : notice.Body;
        return Results.Ok(new NoticeView(id, notice.Title, notice.Department, notice.DocumentNumber, notice.EffectiveFrom,
            notice.EffectiveUntil, notice.ContactPhone, label.Label(body), notice.Status.ToString()));
    }

    private static IResult RenderNoticePage(string id, INoticeRepository notices, IAigcTextLabeler label, IOptions<ComplianceOptions> compliance)
    {
        var notice = notices.Get(id);
        if (notice is null || notice.Status != Domain.NoticeStatus.Published)
        {
            return Results.NotFound();
        }

        var paragraphs = string.Join("", label.Label(notice.Body)
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => $"<p>{WebUtility.HtmlEncode(p)}</p>"));

        var html = $"""
            <!DOCTYPE html>
            <html lang="zh-CN">
            <head><meta charset="utf-8"><title>{WebUtility.HtmlEncode(notice.Title)}</title></head>
            <body>
              <h1>{WebUtility.HtmlEncode(notice.Title)}</h1>
              <p class="meta">{WebUtility.HtmlEncode(notice.Department)} {WebUtility.HtmlEncode(notice.DocumentNumber)}</p>
              {paragraphs}
              <p class="contact">咨询电话：{WebUtility.HtmlEncode(notice.ContactPhone)}</p>
            </body>
            </html>
            """;

        var metadata = new AigcMetadataBuilder(compliance.Value.ProviderCode).WithProduceId(id).Build();
        return Results.Content(AigcHtmlMeta.Label(html, metadata), "text/html; charset=utf-8");
    }
}
