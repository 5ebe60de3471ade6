using Microsoft.Extensions.AI;
using WriterApp.Models;

namespace WriterApp.Endpoints;

public static class ChatEndpoints
{
    public static IEndpointRouteBuilder MapChatEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/chat");

        group.MapPost("/", async (ChatRequest request, IChatClient chat, CancellationToken ct) =>
        {
            var response = await chat.GetResponseAsync(request.Message, cancellationToken: ct);
            return Results.Ok(new { reply = response.Text, model = response.ModelId });
        });

        group.MapPost("/typed", async (ChatRequest request, IChatClient chat) =>
        {
            var messages = new List<ChatMessage>
            {
                new(ChatRole.System, $"Answer in a {request.Tone ?? "neutral"} tone."),
                new(ChatRole.User, request.Message),
            };
            var response = await chat.GetResponseAsync(messages);
            return TypedResults.Ok(new ChatReply(response.Text, response.ModelId ?? "unknown"));
        });

        group.MapPost("/short", async (ChatRequest request, IChatClient chat) =>
        {
            var answer = (await chat.GetResponseAsync(request.Message)).Text;
            return Results.Ok(new { answer });
        });

        return routes;
    }
}
