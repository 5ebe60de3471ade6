using Microsoft.Extensions.AI;
using WriterApp.Models;

namespace WriterApp.Endpoints;

public static class SummaryEndpoints
{
    public static void MapSummaryEndpoints(this WebApplication app)
    {
        app.MapPost("/api/summaries", Summarize);
        app.MapPost("/api/summaries/title", SuggestTitle);
    }

    private static async Task<IResult> Summarize(SummaryRequest request, IChatClient chat)
    {
        var prompt = $"Summarize in at most {request.MaxWords} words:\n{request.Document}";
        var response = await chat.GetResponseAsync(prompt);
        return Results.Json(new { summary = response.Text, words = request.MaxWords });
    }

    private static async Task<string> SuggestTitle(SummaryRequest request, IChatClient chat)
    {
        var response = await chat.GetResponseAsync("Suggest a title for: " + request.Document);
        return response.Text.Trim();
    }
}
