using System.Security.Claims;
using DeepSynth.Compliance;
using DeepSynth.Compliance.Audit;
using DeepSynth.Compliance.Labeling;
using DeepSynth.Compliance.Review;
using Microsoft.Extensions.AI;

namespace ChatService.Endpoints;

/// <summary>Minimal-API chat endpoints.</summary>
public static class ChatEndpoints
{
    public static IEndpointRouteBuilder MapChatEndpoints(this IEndpointRouteBuilder app)
    {
        // NOT COMPLIANT (deliberately): the model's answer goes straight back to the caller.
        // Expected: DSYN004 at GetResponseAsync (prompt not reviewed); DSYN001, DSYN002, DSYN003, DSYN005 at Results.Ok.
        app.MapPost("/api/quick-answer", async (ChatRequest request, IChatClient chat, CancellationToken cancellationToken) =>
        {
            var response = await chat.GetResponseAsync(request.Prompt, cancellationToken: cancellationToken);
            return Results.Ok(new ChatReply(response.Text));
        });

        // COMPLIANT: the group requires real-name verification; input and output are reviewed, the generation is
        // recorded, and the answer carries the explicit label.
        var chatApi = app.MapGroup("/api/chat").RequireRealName();
        chatApi.MapPost("/", async (ChatRequest request, ClaimsPrincipal user, IChatClient chat, IContentReviewer review,
            IAigcTextLabeler label, ISynthesisAuditLog audit, CancellationToken cancellationToken) =>
        {
            var prompt = await review.EnsureAllowedAsync(request.Prompt, ReviewStage.Input, cancellationToken);
            var response = await chat.GetResponseAsync(prompt, cancellationToken: cancellationToken);
            var answer = await review.EnsureAllowedAsync(response.Text, ReviewStage.Output, cancellationToken);
            await audit.RecordAsync(answer, new GenerationRecord { UserId = user.FindFirstValue(ClaimTypes.NameIdentifier), Model = response.ModelId }, cancellationToken);
            return Results.Ok(new ChatReply(label.Label(answer)));
        });

        // NOT COMPLIANT (deliberately): the stream is labeled and the user verified, but neither the prompt nor the
        // output is reviewed and nothing is recorded.
        // Expected: DSYN004 at GetStreamingResponseAsync; DSYN003, DSYN005 at the returned stream.
        chatApi.MapGet("/stream", (string prompt, IChatClient chat, IAigcTextLabeler label, CancellationToken cancellationToken) =>
            label.LabelStream(chat.GetStreamingResponseAsync(prompt, cancellationToken: cancellationToken).Select(update => update.Text), cancellationToken));

        return app;
    }
}
