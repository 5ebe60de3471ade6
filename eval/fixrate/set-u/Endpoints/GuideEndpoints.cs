using System.Security.Claims;
using DeepSynth.Compliance;
using DeepSynth.Compliance.Audit;
using DeepSynth.Compliance.Labeling;
using DeepSynth.Compliance.Review;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Caching.Memory;
using StarHarbor.LiveOps.Data;
using StarHarbor.LiveOps.Infrastructure;
using StarHarbor.LiveOps.Models;
using StarHarbor.LiveOps.Providers;
using StarHarbor.LiveOps.Services;

namespace StarHarbor.LiveOps.Endpoints;

public static class GuideEndpoints
{
    private static readonly string[] Topics = ["新手入门", "航海与贸易", "公会战", "炼金配方", "家园建造", "活动与奖励"];

    public static RouteGroupBuilder MapGuide(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/guide").WithTags("Guide").RequireAuthorization();

        group.MapPost("/ask", AskAsync).RequireRealName();
        group.MapGet("/ask/stream", Stream).RequireRealName();
        group.MapGet("/faq", FaqAsync).AllowAnonymous();
        group.MapGet("/topics", () => TypedResults.Ok(Topics)).AllowAnonymous();

        return group;
    }

    private static async Task<IResult> AskAsync(
        GuideQuestion request, ClaimsPrincipal user, IChatClient chat, IMemoryCache cache, IDocumentStore store,
        IContentReviewer review, IAigcTextLabeler label, ISynthesisAuditLog audit, TimeProvider clock, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.Question)) return TypedResults.BadRequest(new { error = "问题不能为空" });

        var question = await review.EnsureAllowedAsync(request.Question.Trim(), ReviewStage.Input, ct);
        var key = "guide:" + question.NormalizeQuestion();
        await BumpStatAsync(store, key, question, clock, ct);

        if (cache.TryGetValue(key, out GuideAnswer? cached) && cached is not null)
            return TypedResults.Ok(cached with { Cached = true });

        var articles = await store.QueryAsync<GuideArticleDoc>(Containers.GuideArticles,
            new QueryDefinition("SELECT TOP 4 * FROM c WHERE (@topic = null OR c.topic = @topic) ORDER BY c.updatedAt DESC")
                .WithParameter("@topic", request.Topic), ct, 4);
        var context = string.Join("\n\n", articles.Select(a => $"## {a.Title}\n{a.Body.Clip(1200)}"));

        var response = await chat.GetResponseAsync(
        [
            new ChatMessage(ChatRole.System, Prompts.GuideAssistant),
            new ChatMessage(ChatRole.System, "指南资料：\n" + context),
            new ChatMessage(ChatRole.User, question),
        ], new ChatOptions { Temperature = 0.2f, MaxOutputTokens = 700 }, ct);

        var answer = await review.EnsureAllowedAsync(response.Text, ReviewStage.Output, ct);
        var model = response.ModelId ?? "qwen-plus";
        await audit.RecordAsync(answer, new GenerationRecord { UserId = user.PlayerId(), Model = model, Labeled = true }, ct);

        var result = new GuideAnswer(question, label.Label(answer), false, model);
        cache.Set(key, result, TimeSpan.FromHours(6));
        return TypedResults.Ok(result);
    }

    private static IResult Stream(
        string question, ClaimsPrincipal user, IStreamingNarrator kimi, IContentReviewer review,
        IAigcTextLabeler label, ISynthesisAuditLog audit, CancellationToken ct)
    {
        async IAsyncEnumerable<string> Tokens()
        {
            var q = await review.EnsureAllowedAsync(question, ReviewStage.Input, ct);
            await foreach (var token in kimi.StreamAsync([ChatTurn.System(Prompts.GuideAssistant), ChatTurn.User(q)], ct))
                yield return token;
        }

        var record = new GenerationRecord { UserId = user.PlayerId(), Model = kimi.Model, Labeled = true };
        return TypedResults.ServerSentEvents(label.LabelStream(audit.RecordStream(Tokens(), record, ct), ct), eventType: "token");
    }

    private static async Task<IResult> FaqAsync(IDocumentStore store, CancellationToken ct)
    {
        var top = await store.QueryAsync<GuideQuestionStatDoc>(Containers.GuideStats,
            new QueryDefinition("SELECT TOP 20 * FROM c ORDER BY c.askedCount DESC"), ct, 20);
        return TypedResults.Ok(top.Select(s => new FaqItem(s.Question, s.AskedCount)));
    }

    private static async Task BumpStatAsync(IDocumentStore store, string key, string question, TimeProvider clock, CancellationToken ct)
    {
        var id = key.Length > 200 ? key[..200] : key;
        var stat = await store.GetAsync<GuideQuestionStatDoc>(Containers.GuideStats, id, id, ct);
        await store.UpsertAsync(Containers.GuideStats,
            stat is null
                ? new GuideQuestionStatDoc(id, question, 1, clock.GetUtcNow())
                : stat with { AskedCount = stat.AskedCount + 1, LastAskedAt = clock.GetUtcNow() }, id, ct);
    }
}
