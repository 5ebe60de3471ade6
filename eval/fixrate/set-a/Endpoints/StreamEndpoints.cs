using Microsoft.Extensions.AI;

namespace WriterApp.Endpoints;

public static class StreamEndpoints
{
    public static void MapStreamEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/stream", async (string prompt, IChatClient chat, HttpContext context) =>
        {
            context.Response.ContentType = "text/plain; charset=utf-8";
            await foreach (var update in chat.GetStreamingResponseAsync(prompt))
            {
                await context.Response.WriteAsync(update.Text);
                await context.Response.Body.FlushAsync();
            }
        });

        routes.MapGet("/api/stream/tokens", (string prompt, IChatClient chat) => Tokens(prompt, chat));

        static async IAsyncEnumerable<string> Tokens(string prompt, IChatClient chat)
        {
            await foreach (var update in chat.GetStreamingResponseAsync(prompt))
            {
                yield return update.Text;
            }
        }
    }
}
