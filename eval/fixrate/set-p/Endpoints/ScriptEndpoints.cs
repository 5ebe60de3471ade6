using System.Security.Claims;
using ClipForge.Ai;
using ClipForge.Configuration;
using ClipForge.Contracts;
using ClipForge.Domain;
using ClipForge.Infrastructure;
using ClipForge.Notifications;
using ClipForge.Storage;
using DeepSynth.Compliance;
using DeepSynth.Compliance.Audit;
using DeepSynth.Compliance.Labeling;
using DeepSynth.Compliance.Review;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace ClipForge.Endpoints;

public static class ScriptEndpoints
{
    private static readonly string[] Platforms = ["douyin", "kuaishou", "xiaohongshu", "bilibili", "weixin-channels"];

    public static IEndpointRouteBuilder MapScriptEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/scripts").RequireAuthorization().WithTags("Scripts");

        group.MapPost("/", GenerateAsync).RequireRealName();
        group.MapGet("/", ListAsync);
        group.MapGet("/{id}", GetAsync).RequireRealName();
        group.MapGet("/stream", Stream).RequireRealName();
        group.MapPost("/{id}/titles", SuggestTitlesAsync).RequireRealName();
        group.MapPost("/{id}/polish", PolishAsync);
        group.MapPost("/{id}/email", EmailAsync).RequireRealName();
        group.MapPost("/topic-preview", PreviewTopic);
        group.MapGet("/{id}/notes", GetNotesAsync);

        return app;
    }

    private static async Task<Results<Created<ScriptResponse>, ValidationProblem>> GenerateAsync(
        GenerateScriptRequest request,
        ClaimsPrincipal user,
        IScriptWriter writer,
        IScriptRepository scripts,
        IContentReviewer review,
        IAigcTextLabeler label,
        ISynthesisAuditLog audit,
        CancellationToken ct)
    {
        if (!Platforms.Contains(request.Platform))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["platform"] = [$"Unsupported platform '{request.Platform}'."] });
        }

        await review.EnsureAllTextAllowedAsync(request, ReviewStage.Input, ct);

        var brief = new ScriptBrief(request.Topic, request.Platform, Math.Clamp(request.DurationSeconds, 15, 600), request.Tone ?? "轻松", request.Notes);
        var generated = await writer.WriteAsync(brief, ct);
        var body = await review.EnsureAllowedAsync(generated.Body, ReviewStage.Output, ct);

        var draft = new ScriptDraft
        {
            OwnerId = user.GetUserId(),
            Topic = request.Topic,
            Platform = request.Platform,
            DurationSeconds = brief.DurationSeconds,
            Tone = brief.Tone,
            CreatorNotes = request.Notes,
            Body = body,
            Hook = generated.Hook,
            Model = generated.Model,
            InputTokens = generated.InputTokens,
            OutputTokens = generated.OutputTokens
        };
        await scripts.InsertAsync(draft, ct);

        await audit.RecordAsync(body, new GenerationRecord
        {
            UserId = draft.OwnerId,
            Model = generated.Model,
            ContentId = draft.Id,
            Kind = GeneratedMediaKind.Text,
            Labeled = true
        }, ct);

        return TypedResults.Created($"/api/scripts/{draft.Id}",
            new ScriptResponse(draft.Id, draft.Topic, label.Label(body), generated.Hook is null ? null : label.Label(generated.Hook), draft.CreatedAt));
    }

    private static async Task<Ok<IReadOnlyList<ScriptSummary>>> ListAsync(ClaimsPrincipal user, IScriptRepository scripts, int? take, CancellationToken ct)
    {
        var drafts = await scripts.ListAsync(user.GetUserId(), Math.Clamp(take ?? 20, 1, 100), ct);
        IReadOnlyList<ScriptSummary> items = drafts
            .Select(d => new ScriptSummary(d.Id, d.Topic, d.Platform, d.Status.ToString(), d.Model, d.InputTokens + d.OutputTokens, d.CreatedAt))
            .ToList();
        return TypedResults.Ok(items);
    }

    private static async Task<Results<Ok<ScriptResponse>, NotFound>> GetAsync(string id, ClaimsPrincipal user, IScriptRepository scripts, CancellationToken ct)
    {
        var draft = await scripts.FindAsync(user.GetUserId(), id, ct);
        if (draft is null)
        {
            return TypedResults.NotFound();
        }

        return TypedResults.Ok(new ScriptResponse(draft.Id, draft.Topic, draft.PolishedBody ?? draft.Body, draft.Hook, draft.CreatedAt));
    }

    private static IAsyncEnumerable<string> Stream(
        [AsParameters] StreamScriptQuery query,
        ClaimsPrincipal user,
        IScriptWriter writer,
        IContentReviewer review,
        ISynthesisAuditLog audit,
        IAigcTextLabeler label,
        IOptions<AiModelOptions> models,
        CancellationToken ct)
    {
        var brief = new ScriptBrief(query.Topic, query.Platform ?? "douyin", query.Duration ?? 60, query.Tone ?? "轻松", null);
        return label.LabelStream(
            audit.RecordStream(
                review.ReviewStream(ReviewedTokens(brief, writer, review, ct), ReviewStage.Output, ct),
                new GenerationRecord { UserId = user.GetUserId(), Model = models.Value.ChatModel, Kind = GeneratedMediaKind.Text },
                ct),
            ct);
    }

    private static async IAsyncEnumerable<string> ReviewedTokens(ScriptBrief brief, IScriptWriter writer, IContentReviewer review,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var topic = await review.EnsureAllowedAsync(brief.Topic, ReviewStage.Input, ct);
        await foreach (var token in writer.StreamAsync(brief with { Topic = topic }, ct))
        {
            yield return token;
        }
    }

    private static async Task<Results<Ok<TitleSuggestions>, NotFound>> SuggestTitlesAsync(
        string id,
        ClaimsPrincipal user,
        IScriptRepository scripts,
        IScriptWriter writer,
        IGenerationCache cache,
        IContentReviewer review,
        IAigcTextLabeler label,
        CancellationToken ct)
    {
        var draft = await scripts.FindAsync(user.GetUserId(), id, ct);
        if (draft is null)
        {
            return TypedResults.NotFound();
        }

        var cacheKey = $"titles:{draft.Id}:{draft.UpdatedAt.Ticks}";
        var suggestions = await cache.GetAsync<TitleSuggestions>(cacheKey, ct);
        if (suggestions is null)
        {
            await review.EnsureAllowedAsync(draft.Body, ReviewStage.Input, ct);
            suggestions = await writer.SuggestTitlesAsync(draft.Body, draft.Platform, ct);
            await review.EnsureAllTextAllowedAsync(suggestions, ReviewStage.Output, ct);
            await scripts.UpdateTitlesAsync(draft.Id, suggestions.Titles, suggestions.Hashtags, ct);
            await cache.SetAsync(cacheKey, suggestions, TimeSpan.FromHours(6), ct);
        }

        return TypedResults.Ok(new TitleSuggestions
        {
            Titles = suggestions.Titles.Select(label.Label).ToList(),
            Hashtags = suggestions.Hashtags,
            Hook = suggestions.Hook is null ? null : label.Label(suggestions.Hook)
        });
    }

    private static async Task<IResult> PolishAsync(
        string id,
        PolishRequest request,
        ClaimsPrincipal user,
        IScriptRepository scripts,
        ILocalRewriter rewriter,
        CancellationToken ct)
    {
        var draft = await scripts.FindAsync(user.GetUserId(), id, ct);
        if (draft is null)
        {
            return Results.NotFound();
        }

        var polished = await rewriter.PolishAsync(draft.Body, request.Style, ct);
        await scripts.UpdatePolishedAsync(draft.Id, polished, ct);
        return Results.Ok(new { id = draft.Id, body = polished, model = rewriter.ModelName });
    }

    private static async Task<IResult> EmailAsync(
        string id,
        EmailScriptRequest request,
        ClaimsPrincipal user,
        IScriptRepository scripts,
        IEmailSender email,
        IAigcTextLabeler label,
        CancellationToken ct)
    {
        var draft = await scripts.FindAsync(user.GetUserId(), id, ct);
        if (draft is null)
        {
            return Results.NotFound();
        }

        var text = $"{request.Note}\n\n——— 脚本：{draft.Topic} ———\n{label.Label(draft.PolishedBody ?? draft.Body)}";
        await email.SendAsync(request.To, $"[ClipForge] 脚本分享：{draft.Topic}", text, null, ct);
        return Results.Accepted();
    }

    private static IResult PreviewTopic(TopicPreviewRequest request)
    {
        var topic = request.Topic.Trim();
        return Results.Ok(new
        {
            topic,
            platform = request.Platform,
            length = topic.Length,
            tooLong = topic.Length > 200,
            supported = Platforms.Contains(request.Platform)
        });
    }

    private static async Task<IResult> GetNotesAsync(string id, ClaimsPrincipal user, IScriptRepository scripts, CancellationToken ct)
    {
        var draft = await scripts.FindAsync(user.GetUserId(), id, ct);
        return draft is null
            ? Results.NotFound()
            : Results.Ok(new { draft.Id, draft.Topic, notes = draft.CreatorNotes, draft.Tone, draft.DurationSeconds });
    }

    public sealed record StreamScriptQuery(string Topic, string? Platform, int? Duration, string? Tone);
}
