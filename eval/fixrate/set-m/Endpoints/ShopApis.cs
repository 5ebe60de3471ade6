using System.Security.Claims;
using System.Text;
using DeepSynth.Compliance;
using DeepSynth.Compliance.Audit;
using DeepSynth.Compliance.Labeling;
using DeepSynth.Compliance.Review;
using Microsoft.Extensions.AI;
using ShopCopilot.Data;
using ShopCopilot.Models;
using ShopCopilot.Services;

namespace ShopCopilot.Endpoints;

public static class ShopApis
{
    public static IEndpointRouteBuilder MapShopApis(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", () => Results.Ok(new { status = "ok", time = DateTimeOffset.UtcNow }));

        app.MapGet("/api/config/models", (IConfiguration configuration) => Results.Ok(new
        {
            listing = configuration["Providers:DeepSeek:Model"] ?? "deepseek-chat",
            translation = configuration["Providers:Qianfan:Model"] ?? "ernie-4.0-turbo-8k",
            marketing = configuration["Providers:Hunyuan:Model"] ?? "hunyuan-turbos-latest",
            chat = configuration["Providers:Moonshot:Model"] ?? "moonshot-v1-8k",
            reviews = configuration["Providers:Ollama:Model"] ?? "qwen2.5:7b",
        }));

        app.MapGet("/api/orders/{orderNo}", async (string orderNo, IContentStore store, CancellationToken ct) =>
            await store.GetOrderAsync(orderNo, ct) is { } order
                ? Results.Ok(order.ToView())
                : Results.NotFound(new { error = $"Order {orderNo} not found" }));

        app.MapPost("/api/faq/answer", async (FaqQuestion question, ClaimsPrincipal user, IBuyerAssistant assistant,
                IContentReviewer review, IAigcTextLabeler label, ISynthesisAuditLog audit, IContentCache cache, CancellationToken ct) =>
        {
            var input = await review.EnsureAllowedAsync(question.Question, ReviewStage.Input, ct);
            var answer = await assistant.AnswerAsync(question.Sku, input, [], ct);
            var reviewed = await review.EnsureAllowedAsync(answer, ReviewStage.Output, ct);
            await audit.RecordAsync(reviewed, new GenerationRecord
            {
                UserId = user.FindFirstValue(ClaimTypes.NameIdentifier),
                Model = "moonshot-v1-8k",
            }, ct);
            var labeled = label.Label(reviewed);
            await cache.StoreFaqAnswerAsync(question.Sku, question.Question, labeled, ct);
            return Results.Ok(new FaqAnswer(question.Sku, labeled));
        })
        .RequireRealName();

        app.MapGet("/api/faq/cached", async (string sku, string question, IContentCache cache, CancellationToken ct) =>
            await cache.GetFaqAnswerAsync(sku, question, ct) is { } answer
                ? Results.Ok(new FaqAnswer(sku, answer))
                : Results.NotFound());

        app.MapGet("/api/chat/stream", (string sku, string question, IBuyerAssistant assistant, CancellationToken ct) =>
            assistant.StreamAnswerAsync(sku, question, ct));

        app.MapPost("/api/chat/probe", async (FaqQuestion question, IBuyerAssistant assistant, CancellationToken ct) =>
        {
            var response = await assistant.AnswerWithMetadataAsync(question.Sku, question.Question, ct);
            return Results.Ok(new
            {
                response.ResponseId,
                response.ModelId,
                finish = response.FinishReason?.Value,
                inputTokens = response.Usage?.InputTokenCount,
                outputTokens = response.Usage?.OutputTokenCount,
            });
        });

        app.MapGet("/api/chat/sessions/{sessionId}/transcript", async (string sessionId, IContentStore store, HttpContext http, CancellationToken ct) =>
        {
            var turns = await store.GetChatTurnsAsync(sessionId, 200, ct);
            http.Response.ContentType = "text/plain; charset=utf-8";
            foreach (var turn in turns)
            {
                await http.Response.WriteAsync($"[{turn.CreatedAt}] {turn.Role}: {turn.Text}\n", Encoding.UTF8, ct);
            }
        });

        app.MapGet("/api/chat/sessions/{sessionId}/count", async (string sessionId, IContentStore store, CancellationToken ct) =>
            Results.Ok(new { sessionId, turns = (await store.GetChatTurnsAsync(sessionId, 10_000, ct)).Count }));

        return app;
    }
}
