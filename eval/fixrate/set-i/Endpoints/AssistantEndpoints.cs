using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.AI;
using Microsoft.SemanticKernel.ChatCompletion;
using TripPal.Models;
using TripPal.Services;

namespace TripPal.Endpoints;

public static class AssistantEndpoints
{
    public static IEndpointRouteBuilder MapAssistantEndpoints(this IEndpointRouteBuilder app)
    {
        var itineraries = app.MapGroup("/api/itineraries").WithTags("Itineraries");
        itineraries.MapPost("/", SuggestItinerary);
        itineraries.MapPost("/stream", async (ItineraryRequest request, IItineraryPlanner planner, IChatClient chatClient, HttpContext context, CancellationToken ct) =>
        {
            context.Response.ContentType = "text/event-stream";
            var messages = planner.BuildMessages(request);
            await foreach (var update in chatClient.GetStreamingResponseAsync(messages, cancellationToken: ct))
            {
                if (!string.IsNullOrEmpty(update.Text))
                {
                    await context.Response.WriteAsync($"data: {update.Text.Replace("\n", "\\n")}\n\n", ct);
                    await context.Response.Body.FlushAsync(ct);
                }
            }

            await context.Response.WriteAsync("data: [DONE]\n\n", ct);
        });

        var chat = app.MapGroup("/api/chat/{sessionId}").WithTags("Chat");
        chat.MapPost("/messages", SendChatMessage);
        chat.MapGet("/history", (string sessionId, IChatSessionStore sessions) =>
        {
            if (sessions.Find(sessionId) is not { } history)
            {
                return Results.NotFound(new { error = "Unknown chat session", sessionId });
            }

            var turns = history
                .Where(m => m.Role != AuthorRole.System)
                .Select((m, i) => new ChatTurnDto(i, m.Role.Label, m.Content ?? string.Empty))
                .ToList();
            return Results.Ok(new { sessionId, turns });
        });

        return app;
    }

    private static async Task<Results<Ok<ItinerarySuggestion>, ValidationProblem>> SuggestItinerary(
        ItineraryRequest request, IItineraryPlanner planner, CancellationToken cancellationToken)
    {
        if (request.Days is < 1 or > 21)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["days"] = ["Trips can be planned for 1 to 21 days."] });
        }

        var suggestion = await planner.SuggestAsync(request, cancellationToken);
        return TypedResults.Ok(suggestion);
    }

    private static async Task<IResult> SendChatMessage(string sessionId, ChatMessageRequest body, ICustomerChatService chat, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(body.Text) || body.Text.Length > 2000)
        {
            return Results.BadRequest(new { error = "Message must be between 1 and 2000 characters." });
        }

        return Results.Ok(await chat.ReplyAsync(sessionId, body.Text, cancellationToken));
    }
}
