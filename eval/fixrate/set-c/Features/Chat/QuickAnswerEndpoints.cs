using Microsoft.Extensions.AI;
using TravelDesk.Shared;

namespace TravelDesk.Features.Chat;

public static class QuickAnswerEndpoints
{
    public static void MapQuickAnswers(this WebApplication app)
    {
        app.MapGet("/api/quick", async (string q, IChatClient chat) =>
        {
            var response = await chat.GetResponseAsync(q);
            return Results.Ok(new QuickAnswer(q, response.Text, response.ModelId, response.Usage?.TotalTokenCount));
        });

        app.MapGet("/api/quick/html", async (string q, IChatClient chat) =>
        {
            var response = await chat.GetResponseAsync("Answer briefly: " + q);
            var html = $"<html><body><h1>{System.Net.WebUtility.HtmlEncode(q)}</h1><p>{System.Net.WebUtility.HtmlEncode(response.Text)}</p></body></html>";
            return Results.Content(html, "text/html");
        });

        app.MapGet("/api/quick/sse", async (string q, IChatClient chat, HttpResponse http, CancellationToken ct) =>
        {
            http.Headers.ContentType = "text/event-stream";
            await foreach (var update in chat.GetStreamingResponseAsync(q, cancellationToken: ct))
            {
                await http.WriteAsync($"data: {update.Text}\n\n", ct);
            }
        });
    }
}
