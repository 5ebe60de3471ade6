using Microsoft.Extensions.AI;

namespace Writer.Middleware;

public sealed record ChatRequest(string Message, string? Tone);

/// <summary>Conventional middleware: generated text written to the response, input read from the query string.</summary>
public sealed class InstantAnswerMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, IChatClient chat)
    {
        if (context.Request.Path.StartsWithSegments("/instant") && context.Request.Query.TryGetValue("q", out var question))
        {
            var response = await chat.GetResponseAsync(question.ToString());
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync(response.Text);
            return;
        }

        await next(context);
    }
}

public static class ToneEndpoints
{
    public static void MapToneEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/tone", async (ChatRequest request, IChatClient chat) =>
        {
            var messages = new List<ChatMessage>
            {
                new(ChatRole.System, $"Answer in a {request.Tone ?? "neutral"} tone."),
                new(ChatRole.User, request.Message),
            };
            var response = await chat.GetResponseAsync(messages);
            return Results.Ok(new { reply = response.Text });
        });

        routes.MapGet("/api/tokens", (string prompt, IChatClient chat) => Tokens(prompt, chat));

        static async IAsyncEnumerable<string> Tokens(string prompt, IChatClient chat)
        {
            await foreach (var update in chat.GetStreamingResponseAsync(prompt))
            {
                yield return update.Text;
            }
        }
    }
}
