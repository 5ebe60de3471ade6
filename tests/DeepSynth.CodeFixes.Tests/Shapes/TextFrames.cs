using System.Text;
using Microsoft.Extensions.AI;

namespace Tutor.Streaming;

// Generated text encoded as UTF-8 bytes: not a file format the file labeler knows, nor an image. The fixes work on the
// text it was encoded from: the CSV download is labeled, reviewed and recorded as text; the SSE frames are reviewed and
// recorded token by token, and get no label fix (a notice cannot go through the send, which writes a frame built
// before it), so DSYN001 is left there by design.
public static class FrameEndpoints
{
    public static void MapFrames(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/ask/stream", StreamAnswer);
        app.MapGet("/api/cards.csv", async (string deck, IChatClient chat) =>
        {
            var response = await chat.GetResponseAsync($"Flashcards for {deck}, one 'front|back' per line");
            var csv = "front,back\n" + response.Text.Replace('|', ',');
            return Results.File(Encoding.UTF8.GetBytes(csv), "text/csv", deck + ".csv");
        });
    }

    private static async Task StreamAnswer(HttpContext context, IChatClient chat)
    {
        var question = context.Request.Query["q"].ToString();
        context.Response.ContentType = "text/event-stream";
        await foreach (var update in chat.GetStreamingResponseAsync(question, cancellationToken: context.RequestAborted))
        {
            var frame = Encoding.UTF8.GetBytes($"data: {update.Text}\n\n");
            await context.Response.Body.WriteAsync(frame, context.RequestAborted);
        }
    }
}
