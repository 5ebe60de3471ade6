using System.Security.Claims;
using Carter;
using DeepSynth.Compliance.Audit;
using DeepSynth.Compliance.Labeling;
using DeepSynth.Compliance.Review;
using HuoPin.Live.Infrastructure.Compliance;
using HuoPin.Live.Services;
using Microsoft.Extensions.Caching.Memory;

namespace HuoPin.Live.Endpoints;

public sealed record AssistantChatRequest(string Question, Guid? ProductId, string? RoomId);
public sealed record AssistantChatResponse(string Answer, string? ResponseId, long? TotalTokens);
public sealed record AssistantFeedbackRequest(string? ResponseId, bool Helpful, string? Comment);

public sealed class AssistantModule : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app)
    {
        var assistant = app.MapGroup("/api/assistant").RequireAuthorization().WithTags("Assistant");
        assistant.MapPost("/chat", ChatAsync);
        assistant.MapPost("/feedback", Feedback);
        assistant.MapDelete("/session", ResetSession);
    }

    private static async Task<IResult> ChatAsync(
        AssistantChatRequest request, ClaimsPrincipal user, IShopperAssistant assistant,
        IContentReviewer review, IAigcTextLabeler label, ISynthesisAuditLog audit, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.Question))
        {
            return Results.BadRequest(new { error = "问题不能为空" });
        }

        var question = await review.EnsureAllowedAsync(request.Question, ReviewStage.Input, ct);
        var reply = await assistant.AskAsync(user.UserId(), request.ProductId, question, ct);
        var answer = await review.EnsureAllowedAsync(reply.Text, ReviewStage.Output, ct);

        await audit.RecordAsync(answer, new GenerationRecord
        {
            UserId = user.UserId(),
            Model = "huopin-shopper-assistant",
            ContentId = reply.ResponseId,
            Attributes = { ["channel"] = "http", ["roomId"] = request.RoomId ?? "" },
        }, ct);

        return Results.Ok(new AssistantChatResponse(label.Label(answer), reply.ResponseId, reply.TotalTokens));
    }

    private static IResult Feedback(AssistantFeedbackRequest request, ClaimsPrincipal user, ILogger<AssistantModule> logger)
    {
        logger.LogInformation("Assistant feedback on {ResponseId}: helpful={Helpful}", request.ResponseId, request.Helpful);
        return Results.Ok(new { received = true, request.ResponseId, request.Helpful, request.Comment });
    }

    private static IResult ResetSession(ClaimsPrincipal user, IMemoryCache cache)
    {
        cache.Remove($"agent-session:{user.UserId()}");
        return Results.NoContent();
    }
}
