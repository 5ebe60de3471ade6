using System.Security.Claims;
using DeepSynth.Compliance;
using DeepSynth.Compliance.Audit;
using DeepSynth.Compliance.Labeling;
using DeepSynth.Compliance.Review;
using FastEndpoints;
using ShopCopilot.Data;
using ShopCopilot.Models;
using ShopCopilot.Services;

namespace ShopCopilot.Endpoints;

public sealed class GenerateListingEndpoint(
    IListingCopywriter copywriter,
    IContentStore store,
    IContentReviewer review,
    IAigcTextLabeler label,
    ISynthesisAuditLog audit) : Endpoint<ListingDraftRequest, ListingDraftResponse>
{
    public override void Configure()
    {
        Post("/api/listings/generate");
        Options(b => b.RequireRealName());
        Summary(s => s.Summary = "Generate a marketplace title and description for a SKU");
    }

    public override async Task HandleAsync(ListingDraftRequest req, CancellationToken ct)
    {
        await review.EnsureAllTextAllowedAsync(req, ReviewStage.Input, ct);
        var sellerId = User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "anonymous";

        var title = await copywriter.WriteTitleAsync(req, ct);
        var reviewedTitle = await review.EnsureAllowedAsync(title.Text, ReviewStage.Output, ct);
        var description = await copywriter.WriteDescriptionAsync(req, reviewedTitle, ct);
        var reviewedDescription = await review.EnsureAllowedAsync(description.Text, ReviewStage.Output, ct);

        await audit.RecordAsync($"{reviewedTitle}\n{reviewedDescription}",
            new GenerationRecord { UserId = sellerId, Model = description.Model }, ct);

        var labeledTitle = label.Label(reviewedTitle);
        var labeledDescription = label.Label(reviewedDescription);
        var usage = description with { PromptTokens = title.PromptTokens + description.PromptTokens, CompletionTokens = title.CompletionTokens + description.CompletionTokens };
        var id = await store.SaveListingAsync(req.ToRow(labeledTitle, labeledDescription, usage, sellerId), ct);

        await Send.OkAsync(new ListingDraftResponse(id, labeledTitle, labeledDescription, req.Language), ct);
    }
}

public sealed class GetListingRequest
{
    public long Id { get; set; }
}

public sealed class GetListingEndpoint(IContentStore store) : Endpoint<GetListingRequest, ListingView>
{
    public override void Configure()
    {
        Get("/api/listings/{Id}");
        AllowAnonymous();
    }

    public override async Task HandleAsync(GetListingRequest req, CancellationToken ct)
    {
        var row = await store.GetListingAsync(req.Id, ct);
        if (row is null)
        {
            await Send.NotFoundAsync(ct);
            return;
        }

        await Send.OkAsync(row.ToView(), ct);
    }
}

public sealed class ListingUsageEndpoint(IContentStore store) : Endpoint<GetListingRequest, ListingUsageView>
{
    public override void Configure()
    {
        Get("/api/listings/{Id}/usage");
        AllowAnonymous();
    }

    public override async Task HandleAsync(GetListingRequest req, CancellationToken ct)
    {
        var row = await store.GetListingAsync(req.Id, ct);
        if (row is null)
        {
            await Send.NotFoundAsync(ct);
            return;
        }

        await Send.OkAsync(row.ToUsage(), ct);
    }
}

public sealed class SkuTitlesRequest
{
    public string Sku { get; set; } = "";
}

public sealed class SkuTitlesEndpoint(IContentStore store) : Endpoint<SkuTitlesRequest, List<string>>
{
    public override void Configure()
    {
        Get("/api/skus/{Sku}/titles");
        AllowAnonymous();
    }

    public override async Task HandleAsync(SkuTitlesRequest req, CancellationToken ct)
    {
        var rows = await store.GetListingsForSkuAsync(req.Sku, ct);
        await Send.OkAsync(rows.Select(r => r.Title).ToList(), ct);
    }
}

public sealed class QuickTitleRequest
{
    public string ProductName { get; set; } = "";
    public string Category { get; set; } = "";
    public string Language { get; set; } = "en";
}

public sealed class QuickTitleEndpoint(IListingCopywriter copywriter) : Endpoint<QuickTitleRequest>
{
    public override void Configure()
    {
        Post("/api/listings/quick-title");
        AllowAnonymous();
    }

    public override async Task HandleAsync(QuickTitleRequest req, CancellationToken ct)
    {
        var draft = new ListingDraftRequest { ProductName = req.ProductName, Category = req.Category, Language = req.Language };
        var result = await copywriter.WriteTitleAsync(draft, ct);
        await Send.StringAsync(result.Text, contentType: "text/plain; charset=utf-8", cancellation: ct);
    }
}
