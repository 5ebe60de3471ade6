using System.Net;
using System.Security.Claims;
using ClipForge.Ai;
using ClipForge.Configuration;
using ClipForge.Contracts;
using ClipForge.Domain;
using ClipForge.Storage;
using DeepSynth.Compliance;
using DeepSynth.Compliance.Audit;
using DeepSynth.Compliance.Labeling;
using DeepSynth.Compliance.Review;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace ClipForge.Endpoints;

public static class PlatformEndpoints
{
    public static IEndpointRouteBuilder MapPlatformEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", HealthAsync).AllowAnonymous().ExcludeFromDescription();

        app.MapGet("/api/config/models", (IOptions<AiModelOptions> ai) => Results.Ok(new
        {
            chat = ai.Value.ChatModel,
            caption = ai.Value.CaptionModel,
            image = ai.Value.ImageModel,
            speech = ai.Value.SpeechModel,
            transcription = ai.Value.TranscriptionModel,
            replies = ai.Value.Anthropic.Model,
            local = ai.Value.Ollama.Model,
            digest = ai.Value.Digest.Deployment
        })).RequireAuthorization();

        var me = app.MapGroup("/api/me").RequireAuthorization().WithTags("Profile");
        me.MapGet("/", GetProfileAsync);
        me.MapPut("/push-subscriptions", AddPushSubscriptionAsync);
        me.MapDelete("/push-subscriptions", RemovePushSubscriptionAsync);
        me.MapGet("/usage", GetUsageAsync);

        app.MapPost("/api/assistant/messages", AskAssistantAsync).RequireAuthorization().RequireRealName().WithTags("Assistant");

        app.MapGet("/api/hashtags", async (string topic, ICaptionWriter captions, CancellationToken ct) =>
                Results.Ok(new { topic, hashtags = await captions.QuickHashtagsAsync(topic, ct) }))
            .RequireAuthorization()
            .WithTags("Captions");

        app.MapGet("/share/{postId}", RenderSharePageAsync).AllowAnonymous().ExcludeFromDescription();

        return app;
    }

    private static async Task<IResult> HealthAsync(MongoContext mongo, IConnectionMultiplexer redis, CancellationToken ct)
    {
        var mongoOk = await mongo.PingAsync(ct);
        var redisOk = redis.IsConnected;
        var body = new { status = mongoOk && redisOk ? "ok" : "degraded", mongo = mongoOk, redis = redisOk, at = DateTimeOffset.UtcNow };
        return mongoOk && redisOk ? Results.Ok(body) : Results.Json(body, statusCode: StatusCodes.Status503ServiceUnavailable);
    }

    private static async Task<IResult> GetProfileAsync(ClaimsPrincipal user, ICreatorRepository creators, CancellationToken ct)
    {
        var profile = await creators.FindAsync(user.GetUserId(), ct);
        return profile is null
            ? Results.NotFound()
            : Results.Ok(new ProfileResponse(profile.UserId, profile.DisplayName, profile.Email, profile.Niche,
                profile.DigestOptIn, profile.SmsOptIn, profile.PushEndpoints.Count));
    }

    private static async Task<IResult> AddPushSubscriptionAsync(PushSubscriptionRequest request, ClaimsPrincipal user, ICreatorRepository creators, CancellationToken ct)
    {
        if (!Uri.TryCreate(request.Endpoint, UriKind.Absolute, out var endpoint) || endpoint.Scheme != Uri.UriSchemeHttps)
        {
            return Results.Problem("Push endpoint must be an https URL.", statusCode: StatusCodes.Status400BadRequest);
        }

        await creators.AddPushEndpointAsync(user.GetUserId(),
            new PushEndpoint { Endpoint = request.Endpoint, P256dh = request.P256dh, Auth = request.Auth }, ct);
        return Results.NoContent();
    }

    private static async Task<IResult> RemovePushSubscriptionAsync(string endpoint, ClaimsPrincipal user, ICreatorRepository creators, CancellationToken ct)
    {
        await creators.RemovePushEndpointAsync(user.GetUserId(), endpoint, ct);
        return Results.NoContent();
    }

    private static async Task<IResult> GetUsageAsync(ClaimsPrincipal user, IScriptRepository scripts, IMediaRepository media, TimeProvider clock, CancellationToken ct)
    {
        var userId = user.GetUserId();
        var now = clock.GetUtcNow();
        var monthStart = new DateTime(now.Year, now.Month, 1, 0, 0, 0, DateTimeKind.Utc);
        var count = await scripts.CountAsync(userId, monthStart, ct);
        var (input, output) = await scripts.SumTokensAsync(userId, monthStart, ct);
        var (covers, voice) = await media.CountAsync(userId, monthStart, ct);
        return Results.Ok(new UsageResponse(count, covers, voice, input, output));
    }

    private static async Task<IResult> AskAssistantAsync(
        AssistantMessageRequest request,
        ClaimsPrincipal user,
        ICreatorAssistant assistant,
        IContentReviewer review,
        IAigcTextLabeler label,
        ISynthesisAuditLog audit,
        CancellationToken ct)
    {
        var userId = user.GetUserId();
        var message = await review.EnsureAllowedAsync(request.Message, ReviewStage.Input, ct);
        var answer = await assistant.AskAsync(userId, request.SessionId, message, ct);
        var reply = await review.EnsureAllowedAsync(answer.Text, ReviewStage.Output, ct);

        await audit.RecordAsync(reply, new GenerationRecord
        {
            UserId = userId,
            Model = answer.Model,
            ContentId = answer.SessionId,
            Kind = GeneratedMediaKind.Text,
            Attributes = { ["feature"] = "assistant", ["tokens"] = (answer.TotalTokens ?? 0).ToString() }
        }, ct);

        return Results.Ok(new AssistantReply(answer.SessionId, label.Label(reply), answer.Model));
    }

    private static async Task<IResult> RenderSharePageAsync(
        string postId,
        IPostRepository posts,
        IMediaRepository media,
        IImageStore images,
        IAigcTextLabeler label,
        CancellationToken ct)
    {
        var post = await posts.FindByIdAsync(postId, ct);
        if (post is null || post.Status != PostStatus.Published)
        {
            return Results.NotFound();
        }

        string? coverUrl = null;
        if (post.CoverId is not null && await media.FindCoverByIdAsync(post.CoverId, ct) is { } cover)
        {
            coverUrl = await images.GetPresignedUrlAsync(cover.ObjectKey, ct);
        }

        var caption = post.AiCaption is null ? post.UserCaption ?? string.Empty : label.Label(post.AiCaption);
        var html = $"""
            <!doctype html>
            <html lang="zh-CN">
            <head><meta charset="utf-8"><title>ClipForge</title>
            <meta property="og:image" content="{WebUtility.HtmlEncode(coverUrl ?? string.Empty)}"></head>
            <body>
              <article class="share">
                {(coverUrl is null ? string.Empty : $"<img src=\"{WebUtility.HtmlEncode(coverUrl)}\" alt=\"cover\">")}
                <p>{WebUtility.HtmlEncode(caption).Replace("\n", "<br>")}</p>
                <p class="tags">{WebUtility.HtmlEncode(string.Join(' ', post.Hashtags))}</p>
              </article>
            </body>
            </html>
            """;
        return Results.Content(html, "text/html; charset=utf-8");
    }
}
