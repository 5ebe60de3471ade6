using Microsoft.Extensions.AI;

namespace Writer.Endpoints;

public sealed record SummaryRequest(string Document, int MaxWords);

public static class SummaryEndpoints
{
    public static void MapSummaryEndpoints(this WebApplication app)
    {
        app.MapPost("/api/summaries", Summarize);
    }

    private static async Task<IResult> Summarize(SummaryRequest request, IChatClient chat)
    {
        var prompt = $"Summarize in at most {request.MaxWords} words:\n{request.Document}";
        var response = await chat.GetResponseAsync(prompt);
        return Results.Json(new { summary = response.Text, words = request.MaxWords });
    }
}
