// kind: program
using Microsoft.Extensions.AI;

var app = WebApplication.CreateBuilder(args).Build();
app.MapPost("/summaries", SummaryEndpoints.Summarize).WithName("summarize");
app.Run();

public sealed record SummaryRequest(string Document);

public static class SummaryEndpoints
{
    public static async Task<IResult> Summarize(SummaryRequest request, IChatClient chat)
    {
        var response = await chat.GetResponseAsync("Summarize: " + request.Document);
        return TypedResults.Ok(response.Text);
    }
}
