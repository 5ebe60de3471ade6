using System.Security.Claims;
using InkWell.Data;
using InkWell.Services;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace InkWell.Endpoints;

public sealed record TagQuery([FromRoute] int Id, [FromQuery] string? Focus, [FromQuery] int Max = 6);

public sealed record PreviewRequest(string Headline, string Standfirst);

public static class EditorEndpoints
{
    public static IEndpointRouteBuilder MapEditorTools(this IEndpointRouteBuilder routes)
    {
        var editor = routes.MapGroup("/api/editor").WithTags("Editor tools");

        editor.MapPost("/headlines", SuggestHeadlines);

        editor.MapPost("/articles/{id:int}/summary", async (int id, string? audience, ClaimsPrincipal user,
            NewsroomCatalog catalog, IHeadlineService headlines, CancellationToken ct) =>
        {
            var article = catalog.FindArticle(id);
            if (article is null)
                return Results.NotFound(new { error = $"No article {id}" });

            var summary = await headlines.SummarizeAsync(article, audience ?? "general readers", user.Identity?.Name ?? "editor", ct);
            return Results.Ok(summary);
        });

        editor.MapGet("/articles/{id:int}/summary/stream", StreamSummary);

        editor.MapGet("/articles/{id:int}/tags", async ([AsParameters] TagQuery query, NewsroomCatalog catalog, ITagSuggester tagger, CancellationToken ct) =>
        {
            if (catalog.FindArticle(query.Id) is not { } article)
                return Results.NotFound();

            string[] tags = await tagger.SuggestAsync(article, query.Focus, Math.Clamp(query.Max, 1, 12), ct);
            return Results.Ok(tags);
        });

        // Shows editors how their own headline and standfirst will look on the front page.
        editor.MapPost("/preview", (PreviewRequest request) =>
        {
            var words = request.Standfirst.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
            return Results.Ok(new { headline = request.Headline.Trim(), standfirst = request.Standfirst.Trim(), words, tooLong = request.Headline.Length > 70 });
        });

        return routes;
    }

    private static async Task<Results<Ok<HeadlineSuggestionResult>, ValidationProblem>> SuggestHeadlines(
        [FromBody] HeadlineRequest request, IHeadlineService headlines, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.DraftText) || request.Count is < 1 or > 10)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["draftText"] = ["Paste the draft text (and ask for 1 to 10 headlines)."],
            });
        }

        var result = await headlines.SuggestHeadlinesAsync(request, cancellationToken);
        return TypedResults.Ok(result);
    }

    private static async Task StreamSummary(int id, HttpResponse response, NewsroomCatalog catalog, IHeadlineService headlines, CancellationToken ct)
    {
        var article = catalog.FindArticle(id);
        if (article is null)
        {
            response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        response.ContentType = "text/event-stream";
        await foreach (var chunk in headlines.StreamSummaryAsync(article, ct))
        {
            await response.WriteAsync($"data: {chunk.Replace("\n", "\ndata: ")}\n\n", ct);
            await response.Body.FlushAsync(ct);
        }
        await response.WriteAsync("event: done\ndata: {}\n\n", ct);
    }
}
