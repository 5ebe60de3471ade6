using Carter;
using ShopCopilot.Data;
using ShopCopilot.Models;
using ShopCopilot.Services;

namespace ShopCopilot.Endpoints;

public sealed class ReviewModule : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/reviews").WithTags("Reviews");

        group.MapGet("/{sku}/summary", async (string sku, IContentStore store, CancellationToken ct) =>
            await store.GetReviewSummaryAsync(sku, ct) is { } row
                ? Results.Ok(row.ToView())
                : Results.NotFound(new { error = "Summary not generated yet; the digest job runs every night at 02:00." }));

        group.MapPost("/{sku}/summary", async (string sku, IContentStore store, IReviewSummariser summariser, CancellationToken ct) =>
        {
            var reviews = await store.GetReviewsAsync(sku, 200, ct);
            if (reviews.Count == 0)
            {
                return Results.NotFound(new { error = $"No reviews imported for {sku}" });
            }

            var summary = await summariser.SummariseAsync(sku, reviews, ct);
            var row = new ReviewSummaryRow { Sku = sku, Summary = summary, ReviewCount = reviews.Count, GeneratedAt = DateTimeOffset.UtcNow.ToString("O") };
            await store.SaveReviewSummaryAsync(row, ct);
            return Results.Ok(row.ToView());
        });

        group.MapGet("/{sku}/highlights", (string sku, IContentStore store, IReviewSummariser summariser, CancellationToken ct) =>
            StreamHighlights(sku, store, summariser, ct));

        group.MapGet("/{sku}/stats", async (string sku, IContentStore store, CancellationToken ct) =>
        {
            var reviews = await store.GetReviewsAsync(sku, 1000, ct);
            return Results.Ok(new
            {
                sku,
                count = reviews.Count,
                average = reviews.Count == 0 ? 0 : Math.Round(reviews.Average(r => r.Rating), 2),
                distribution = reviews.GroupBy(r => r.Rating).OrderBy(g => g.Key).ToDictionary(g => g.Key, g => g.Count()),
            });
        });

        group.MapPost("/import/preview", (ReviewImportPreview body) =>
        {
            var lines = body.RawText.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            return Results.Ok(new { body.Sku, lines = lines.Length, first = lines.FirstOrDefault(), raw = body.RawText });
        });

        group.MapGet("/models", async (IReviewSummariser summariser, CancellationToken ct) =>
            Results.Ok(await summariser.LocalModelsAsync(ct)));
    }

    private static async IAsyncEnumerable<string> StreamHighlights(string sku, IContentStore store, IReviewSummariser summariser,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var reviews = await store.GetReviewsAsync(sku, 100, ct);
        await foreach (var token in summariser.StreamHighlightsAsync(sku, reviews, ct))
        {
            yield return token;
        }
    }
}

public sealed record ReviewImportPreview(string Sku, string RawText);
