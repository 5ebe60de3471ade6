using System.Security.Claims;
using System.Text.Json;
using Carter;
using Dapr.Client;
using DeepSynth.Compliance;
using DeepSynth.Compliance.Audit;
using DeepSynth.Compliance.Labeling;
using DeepSynth.Compliance.Review;
using HuoPin.Live.Domain;
using HuoPin.Live.Infrastructure.Compliance;
using HuoPin.Live.Services;
using Marten;
using Microsoft.Extensions.Caching.Distributed;

namespace HuoPin.Live.Endpoints;

public sealed record CreateProductRequest(string Name, string Category, decimal Price, int Stock, List<string>? Attributes, string? MerchantNotes);
public sealed record ProductListItem(Guid Id, string Name, decimal Price, int Stock, bool HasDetailCopy, int ImageCount, DateTimeOffset UpdatedAt);
public sealed record TitleRequest(string? Keywords);
public sealed record TitleResponse(Guid ProductId, IReadOnlyList<string> Titles, IReadOnlyList<string> Keywords, string Model);
public sealed record DetailCopyRequest(string Tone, string? ExtraNotes);
public sealed record DetailCopyResponse(Guid ProductId, string DetailCopy, string Model, int? OutputTokens);
public sealed record SellingPointsRequest(string Audience);
public sealed record BulkCopyRequest(List<Guid> ProductIds, string Tone);
public sealed record StorefrontProduct(Guid Id, string Name, decimal Price, bool InStock, IReadOnlyList<string> Attributes, string? DetailCopy, IReadOnlyList<string> Images);
public sealed record PostReviewRequest(int Rating, string Text);

public sealed class ProductModule : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app)
    {
        var merchant = app.MapGroup("/api/products").RequireAuthorization("Merchant").WithTags("Products");
        merchant.MapGet("/", ListAsync);
        merchant.MapPost("/", CreateAsync);
        merchant.MapGet("/{id:guid}", GetAsync);
        merchant.MapPost("/{id:guid}/titles", SuggestTitlesAsync).RequireRealName();
        merchant.MapPost("/{id:guid}/detail-copy", WriteDetailCopyAsync).RequireRealName();
        merchant.MapPost("/{id:guid}/selling-points/stream", StreamSellingPointsAsync);
        merchant.MapPost("/{id:guid}/review-summary/refresh", RefreshReviewSummaryAsync).RequireRealName();
        merchant.MapPost("/bulk-copy", QueueBulkCopyAsync);

        var storefront = app.MapGroup("/api/storefront/products").WithTags("Storefront");
        storefront.MapGet("/{id:guid}", GetStorefrontAsync).AllowAnonymous();
        storefront.MapGet("/{id:guid}/review-summary", GetReviewSummaryAsync).AllowAnonymous();
        storefront.MapGet("/{id:guid}/reviews", ListReviewsAsync).AllowAnonymous();
        storefront.MapPost("/{id:guid}/reviews", PostReviewAsync).RequireAuthorization();
    }

    private static async Task<IResult> ListAsync(ClaimsPrincipal user, IQuerySession query, CancellationToken ct)
    {
        var merchantId = user.UserId();
        var products = await query.Query<Product>()
            .Where(p => p.MerchantId == merchantId)
            .OrderByDescending(p => p.UpdatedAt)
            .ToListAsync(ct);

        return Results.Ok(products.Select(p => new ProductListItem(
            p.Id, p.Name, p.Price, p.Stock, p.DetailCopy is not null, p.SceneImageBlobs.Count, p.UpdatedAt)));
    }

    private static async Task<IResult> CreateAsync(CreateProductRequest request, ClaimsPrincipal user, IDocumentSession session, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.Name) || request.Price <= 0)
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["name"] = ["商品名称和价格必填"] });
        }

        var now = DateTimeOffset.UtcNow;
        var product = new Product
        {
            Id = Guid.NewGuid(),
            MerchantId = user.UserId(),
            Name = request.Name.Trim(),
            Category = request.Category,
            Price = request.Price,
            Stock = request.Stock,
            Attributes = request.Attributes ?? [],
            MerchantNotes = request.MerchantNotes,
            CreatedAt = now,
            UpdatedAt = now,
        };
        session.Store(product);
        await session.SaveChangesAsync(ct);
        return Results.Created($"/api/products/{product.Id}", product);
    }

    private static async Task<IResult> GetAsync(Guid id, ClaimsPrincipal user, IQuerySession query, CancellationToken ct)
    {
        var product = await query.LoadAsync<Product>(id, ct);
        return product is null || product.MerchantId != user.UserId() ? Results.NotFound() : Results.Ok(product);
    }

    private static async Task<IResult> SuggestTitlesAsync(
        Guid id, TitleRequest request, ClaimsPrincipal user, IQuerySession query, IMarketingCopyService copy,
        IContentReviewer review, IAigcTextLabeler label, ISynthesisAuditLog audit, CancellationToken ct)
    {
        var product = await query.LoadAsync<Product>(id, ct);
        if (product is null || product.MerchantId != user.UserId())
        {
            return Results.NotFound();
        }

        var keywords = string.IsNullOrWhiteSpace(request.Keywords)
            ? null
            : await review.EnsureAllowedAsync(request.Keywords, ReviewStage.Input, ct);

        var (suggestions, model) = await copy.SuggestTitlesAsync(product, keywords, ct);
        await review.EnsureAllTextAllowedAsync(suggestions, ReviewStage.Output, ct);
        await audit.RecordAllTextAsync(suggestions, new GenerationRecord
        {
            UserId = user.UserId(),
            Model = model,
            ContentId = $"titles:{product.Id}",
            Attributes = { ["productId"] = product.Id.ToString() },
        }, ct);

        return Results.Ok(new TitleResponse(
            product.Id,
            suggestions.Titles.Select(label.Label).ToList(),
            suggestions.SearchKeywords.Select(label.Label).ToList(),
            model));
    }

    private static async Task<IResult> WriteDetailCopyAsync(
        Guid id, DetailCopyRequest request, ClaimsPrincipal user, IDocumentSession session, IMarketingCopyService copy,
        IContentReviewer review, IAigcTextLabeler label, ISynthesisAuditLog audit, CancellationToken ct)
    {
        var product = await session.LoadAsync<Product>(id, ct);
        if (product is null || product.MerchantId != user.UserId())
        {
            return Results.NotFound();
        }

        var tone = await review.EnsureAllowedAsync(request.Tone, ReviewStage.Input, ct);
        var notes = request.ExtraNotes is null ? null : await review.EnsureAllowedAsync(request.ExtraNotes, ReviewStage.Input, ct);

        var generated = await copy.WriteDetailCopyAsync(product, tone, notes, ct);
        var text = await review.EnsureAllowedAsync(generated.Text, ReviewStage.Output, ct);
        await audit.RecordAsync(text, new GenerationRecord
        {
            UserId = user.UserId(),
            Model = generated.Model,
            ContentId = $"detail-copy:{product.Id}",
        }, ct);

        product.DetailCopy = label.Label(text);
        product.DetailCopyModel = generated.Model;
        product.DetailCopyGeneratedAt = DateTimeOffset.UtcNow;
        product.UpdatedAt = DateTimeOffset.UtcNow;
        session.Store(product);
        await session.SaveChangesAsync(ct);

        return Results.Ok(new DetailCopyResponse(product.Id, product.DetailCopy, generated.Model, generated.OutputTokens));
    }

    private static async Task<IResult> StreamSellingPointsAsync(
        Guid id, SellingPointsRequest request, ClaimsPrincipal user, IQuerySession query, IMarketingCopyService copy, CancellationToken ct)
    {
        var product = await query.LoadAsync<Product>(id, ct);
        if (product is null || product.MerchantId != user.UserId())
        {
            return Results.NotFound();
        }

        return TypedResults.ServerSentEvents(copy.StreamSellingPointsAsync(product, request.Audience, ct), eventType: "token");
    }

    private static async Task<IResult> RefreshReviewSummaryAsync(
        Guid id, ClaimsPrincipal user, IDocumentSession session, IReviewInsightService insights, IContentReviewer review,
        IAigcTextLabeler label, ISynthesisAuditLog audit, IDistributedCache cache, CancellationToken ct)
    {
        var product = await session.LoadAsync<Product>(id, ct);
        if (product is null || product.MerchantId != user.UserId())
        {
            return Results.NotFound();
        }

        var all = await session.Query<BuyerReview>().Where(r => r.ProductId == id).OrderByDescending(r => r.PostedAt).Take(200).ToListAsync(ct);
        var usable = new List<BuyerReview>(all.Count);
        foreach (var buyerReview in all)
        {
            var verdict = await review.ReviewAsync(buyerReview.Text, ReviewStage.Input, ct);
            if (verdict.IsAllowed)
            {
                usable.Add(buyerReview);
            }
        }

        if (usable.Count < 3)
        {
            return Results.Problem("评价数量不足，至少需要 3 条有效评价", statusCode: StatusCodes.Status409Conflict);
        }

        var digest = await insights.SummarizeAsync(product, usable, ct);
        var summary = await review.EnsureAllowedAsync(digest.Summary, ReviewStage.Output, ct);
        await review.EnsureAllTextAllowedAsync(digest.Highlights, ReviewStage.Output, ct);
        await audit.RecordAsync(string.Join('\n', [summary, .. digest.Highlights]), new GenerationRecord
        {
            UserId = user.UserId(),
            Model = digest.Model,
            ContentId = $"review-summary:{id}",
        }, ct);

        var document = new ReviewSummary
        {
            Id = id,
            MerchantId = product.MerchantId,
            Summary = label.Label(summary),
            Highlights = digest.Highlights.ToList(),
            ReviewCount = digest.ReviewCount,
            AverageRating = digest.AverageRating,
            Model = digest.Model,
            GeneratedAt = DateTimeOffset.UtcNow,
            LatestReviewAt = usable.Max(r => r.PostedAt),
        };
        session.Store(document);
        await session.SaveChangesAsync(ct);
        await cache.RemoveAsync($"review-summary:{id}", ct);

        return Results.Ok(document);
    }

    private static async Task<IResult> QueueBulkCopyAsync(BulkCopyRequest request, ClaimsPrincipal user, DaprClient dapr, IConfiguration configuration, CancellationToken ct)
    {
        if (request.ProductIds.Count is 0 or > 50)
        {
            return Results.BadRequest(new { error = "一次最多提交 50 个商品" });
        }

        var pubsub = configuration["Dapr:PubSub"] ?? "pubsub";
        foreach (var productId in request.ProductIds.Distinct())
        {
            await dapr.PublishEventAsync(pubsub, "product-copy.requested",
                new ProductCopyRequested(productId, user.UserId(), request.Tone, null), ct);
        }

        return Results.Accepted(value: new { queued = request.ProductIds.Distinct().Count() });
    }

    private static async Task<IResult> GetStorefrontAsync(Guid id, IQuerySession query, CancellationToken ct)
    {
        var product = await query.LoadAsync<Product>(id, ct);
        if (product is null)
        {
            return Results.NotFound();
        }

        return Results.Ok(new StorefrontProduct(
            product.Id,
            product.Name,
            product.Price,
            product.Stock > 0,
            product.Attributes,
            product.DetailCopy,
            product.SceneImageBlobs.Select(blob => $"/api/media/files/{blob}").ToList()));
    }

    private static async Task<IResult> GetReviewSummaryAsync(Guid id, IQuerySession query, IDistributedCache cache, CancellationToken ct)
    {
        var key = $"review-summary:{id}";
        var cached = await cache.GetStringAsync(key, ct);
        if (cached is not null)
        {
            return Results.Content(cached, "application/json");
        }

        var summary = await query.LoadAsync<ReviewSummary>(id, ct);
        if (summary is null)
        {
            return Results.NotFound();
        }

        var payload = JsonSerializer.Serialize(new
        {
            productId = id,
            summary = summary.Summary,
            highlights = summary.Highlights,
            reviewCount = summary.ReviewCount,
            averageRating = Math.Round(summary.AverageRating, 1),
            generatedAt = summary.GeneratedAt,
        });
        await cache.SetStringAsync(key, payload, new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(10) }, ct);
        return Results.Content(payload, "application/json");
    }

    private static async Task<IResult> ListReviewsAsync(Guid id, IQuerySession query, int page = 1, int size = 20, CancellationToken ct = default)
    {
        size = Math.Clamp(size, 1, 50);
        var reviews = await query.Query<BuyerReview>()
            .Where(r => r.ProductId == id)
            .OrderByDescending(r => r.PostedAt)
            .Skip((Math.Max(page, 1) - 1) * size)
            .Take(size)
            .ToListAsync(ct);
        return Results.Ok(reviews.Select(r => new { r.BuyerNickname, r.Rating, r.Text, r.PostedAt }));
    }

    private static async Task<IResult> PostReviewAsync(Guid id, PostReviewRequest request, ClaimsPrincipal user, IDocumentSession session, CancellationToken ct)
    {
        if (request.Rating is < 1 or > 5 || string.IsNullOrWhiteSpace(request.Text))
        {
            return Results.BadRequest(new { error = "评分为 1-5，内容不能为空" });
        }

        var buyerReview = new BuyerReview
        {
            Id = Guid.NewGuid(),
            ProductId = id,
            BuyerNickname = user.Identity?.Name ?? "匿名买家",
            Rating = request.Rating,
            Text = request.Text.Trim(),
            PostedAt = DateTimeOffset.UtcNow,
        };
        session.Store(buyerReview);
        await session.SaveChangesAsync(ct);
        return Results.Created($"/api/storefront/products/{id}/reviews", new { buyerReview.Id, buyerReview.Rating, buyerReview.Text });
    }
}
