namespace ShopCopilot.Models;

public sealed record ListingDraftRequest
{
    public string Sku { get; init; } = "";
    public string ProductName { get; init; } = "";
    public string Category { get; init; } = "";
    public string[] Features { get; init; } = [];
    public string Marketplace { get; init; } = "amazon-us";
    public string Language { get; init; } = "en";
    public string Tone { get; init; } = "professional";
}

public sealed record ListingDraftResponse(long ListingId, string Title, string Description, string Language);

public sealed record ListingView(long Id, string Sku, string Title, string Description, string Language, string Marketplace, DateTimeOffset CreatedAt);

public sealed record ListingUsageView(long Id, string Model, int PromptTokens, int CompletionTokens, string ProviderRequestId);

public sealed record TranslateListingRequest
{
    public long ListingId { get; init; }
    public string TargetLanguage { get; init; } = "de";
}

public sealed record TranslationAccepted(Guid JobId, long ListingId, string TargetLanguage, string Status);

public sealed record TranslationView(long ListingId, string Language, string Title, string Description, string Engine);

public sealed record PromoEmailRequest(string Sku, string Audience, string Occasion, decimal DiscountPercent, string Language = "en");

public sealed record PushTextRequest(string Sku, string Occasion, int MaxChars = 90, string Language = "en");

public sealed record CampaignView(long Id, string Sku, string Subject, string HtmlBody, string Status);

public sealed record ReviewSummaryView(string Sku, string Summary, int ReviewCount, string GeneratedAt);

public sealed record FaqQuestion(string Sku, string Question, string Language = "en");

public sealed record FaqAnswer(string Sku, string Answer);

public sealed record ImageRequest(string Sku, string Scene, string Style = "studio white background");

public sealed record VoiceOverRequest(string Sku, string Script, string Voice = "alloy");

public sealed record MediaView(string Id, string Sku, string Kind, string Url, long Bytes);

public sealed record OrderStatusView(string OrderNo, string Status, string Carrier, string? TrackingNo, DateTimeOffset UpdatedAt);

public sealed record ContentStats(long Listings, long Translations, long Campaigns, long MediaAssets, long ChatTurns);

public sealed record CopyResult(string Text, string Model, int PromptTokens, int CompletionTokens, string RequestId);

// Messages on the bus
public sealed record TranslateListing(Guid JobId, long ListingId, string TargetLanguage, string RequestedBy);

public sealed record ListingTranslated(Guid JobId, long ListingId, string Language, string Title, string Description, string SellerId);

public sealed record DraftPushText(string Sku, string Occasion, int MaxChars, string Language);

public sealed record PushTextDrafted(string Sku, string Text, string Model);

public sealed record GeneratePromoEmail(string Sku, string Audience, string Occasion, decimal DiscountPercent, string Language, IReadOnlyList<string> Recipients);

public sealed record BuyerQuestionReceived(string SessionId, string ConnectionId, string Sku, string Question);

public sealed record ReviewDigestReady(string Sku, string Summary, int ReviewCount);

// Rows
public sealed class ListingRow
{
    public long Id { get; set; }
    public string Sku { get; set; } = "";
    public string Title { get; set; } = "";
    public string Description { get; set; } = "";
    public string Language { get; set; } = "en";
    public string Marketplace { get; set; } = "";
    public string SellerId { get; set; } = "";
    public string Model { get; set; } = "";
    public long PromptTokens { get; set; }
    public long CompletionTokens { get; set; }
    public string RequestId { get; set; } = "";
    public string CreatedAt { get; set; } = "";
}

public sealed class TranslationRow
{
    public long ListingId { get; set; }
    public string Language { get; set; } = "";
    public string Title { get; set; } = "";
    public string Description { get; set; } = "";
    public string Engine { get; set; } = "";
}

public sealed class CampaignRow
{
    public long Id { get; set; }
    public string Sku { get; set; } = "";
    public string Subject { get; set; } = "";
    public string HtmlBody { get; set; } = "";
    public string PlainBody { get; set; } = "";
    public string Status { get; set; } = "draft";
    public string CreatedAt { get; set; } = "";
}

public sealed class ReviewRow
{
    public long Id { get; set; }
    public string Sku { get; set; } = "";
    public int Rating { get; set; }
    public string Body { get; set; } = "";
}

public sealed class ReviewSummaryRow
{
    public string Sku { get; set; } = "";
    public string Summary { get; set; } = "";
    public long ReviewCount { get; set; }
    public string GeneratedAt { get; set; } = "";
}

public sealed class MediaRow
{
    public string Id { get; set; } = "";
    public string Sku { get; set; } = "";
    public string Kind { get; set; } = "";
    public string Path { get; set; } = "";
    public string ContentType { get; set; } = "";
    public long Bytes { get; set; }
}

public sealed class ChatTurnRow
{
    public string SessionId { get; set; } = "";
    public string Role { get; set; } = "";
    public string Text { get; set; } = "";
    public string CreatedAt { get; set; } = "";
}

public sealed class OrderRow
{
    public string OrderNo { get; set; } = "";
    public string Status { get; set; } = "";
    public string Carrier { get; set; } = "";
    public string? TrackingNo { get; set; }
    public string UpdatedAt { get; set; } = "";
}

public static class ContentMapping
{
    public static ListingView ToView(this ListingRow row) =>
        new(row.Id, row.Sku, row.Title, row.Description, row.Language, row.Marketplace, ParseTime(row.CreatedAt));

    public static ListingUsageView ToUsage(this ListingRow row) =>
        new(row.Id, row.Model, (int)row.PromptTokens, (int)row.CompletionTokens, row.RequestId);

    public static TranslationView ToView(this TranslationRow row) =>
        new(row.ListingId, row.Language, row.Title, row.Description, row.Engine);

    public static CampaignView ToView(this CampaignRow row) =>
        new(row.Id, row.Sku, row.Subject, row.HtmlBody, row.Status);

    public static ReviewSummaryView ToView(this ReviewSummaryRow row) =>
        new(row.Sku, row.Summary, (int)row.ReviewCount, row.GeneratedAt);

    public static MediaView ToView(this MediaRow row, string baseUrl) =>
        new(row.Id, row.Sku, row.Kind, $"{baseUrl.TrimEnd('/')}/api/media/{row.Id}", row.Bytes);

    public static OrderStatusView ToView(this OrderRow row) =>
        new(row.OrderNo, row.Status, row.Carrier, row.TrackingNo, ParseTime(row.UpdatedAt));

    public static ListingRow ToRow(this ListingDraftRequest request, string title, string description, CopyResult usage, string sellerId) => new()
    {
        Sku = request.Sku,
        Title = title,
        Description = description,
        Language = request.Language,
        Marketplace = request.Marketplace,
        SellerId = sellerId,
        Model = usage.Model,
        PromptTokens = usage.PromptTokens,
        CompletionTokens = usage.CompletionTokens,
        RequestId = usage.RequestId,
    };

    private static DateTimeOffset ParseTime(string value) =>
        DateTimeOffset.TryParse(value, out var parsed) ? parsed : DateTimeOffset.MinValue;
}
