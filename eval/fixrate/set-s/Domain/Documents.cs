using DeepSynth.Compliance.RealName;

namespace HuoPin.Live.Domain;

/// <summary>A product listed by a merchant. Stored as a Marten document.</summary>
public sealed class Product
{
    public Guid Id { get; set; }
    public string MerchantId { get; set; } = "";
    public string Name { get; set; } = "";
    public string Category { get; set; } = "";
    public decimal Price { get; set; }
    public int Stock { get; set; }
    public List<string> Attributes { get; set; } = [];
    public string? MerchantNotes { get; set; }

    // Detail-page copy written by the copy service.
    public string? DetailCopy { get; set; }
    public string? DetailCopyModel { get; set; }
    public DateTimeOffset? DetailCopyGeneratedAt { get; set; }

    public List<string> SceneImageBlobs { get; set; } = [];
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

public sealed class BuyerReview
{
    public Guid Id { get; set; }
    public Guid ProductId { get; set; }
    public string BuyerNickname { get; set; } = "";
    public int Rating { get; set; }
    public string Text { get; set; } = "";
    public DateTimeOffset PostedAt { get; set; }
}

/// <summary>Summary of buyer reviews shown on the storefront product page.</summary>
public sealed class ReviewSummary
{
    public Guid Id { get; set; }              // same as the product id
    public string MerchantId { get; set; } = "";
    public string Summary { get; set; } = "";
    public List<string> Highlights { get; set; } = [];
    public int ReviewCount { get; set; }
    public double AverageRating { get; set; }
    public string Model { get; set; } = "";
    public DateTimeOffset GeneratedAt { get; set; }
    public DateTimeOffset LatestReviewAt { get; set; }
}

public enum CampaignStatus { Draft, Scheduled, Sending, Sent, Failed }

public sealed class CampaignRecipient
{
    public string DisplayName { get; set; } = "";
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public string? PushToken { get; set; }
}

public sealed class Campaign
{
    public Guid Id { get; set; }
    public string MerchantId { get; set; } = "";
    public string Name { get; set; } = "";
    public Guid? ProductId { get; set; }
    public string Goal { get; set; } = "";
    public List<CampaignRecipient> Recipients { get; set; } = [];
    public bool PersonalizeGreeting { get; set; }
    public bool SendPush { get; set; }

    public string? SmsText { get; set; }
    public string? EmailSubject { get; set; }
    public string? EmailHtml { get; set; }
    public string? CopyModel { get; set; }

    public CampaignStatus Status { get; set; } = CampaignStatus.Draft;
    public DateTimeOffset? ScheduledAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public int DeliveredCount { get; set; }
    public int FailedCount { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

public sealed class MerchantProfile
{
    public string Id { get; set; } = "";      // user id of the merchant account
    public string ShopName { get; set; } = "";
    public string ContactEmail { get; set; } = "";
    public long? TelegramChatId { get; set; }
    public string? TelegramBindCode { get; set; }
    public bool WeeklyReportEnabled { get; set; } = true;
    public string Timezone { get; set; } = "Asia/Shanghai";
}

/// <summary>A completed real-name verification (mobile, ID card or business licence).</summary>
public sealed class MerchantVerification
{
    public string Id { get; set; } = "";      // user id
    public RealNameMethod Method { get; set; }
    public DateTimeOffset VerifiedAt { get; set; }
    public string? ProviderReference { get; set; }
}

/// <summary>Host script kept in the Dapr state store for the teleprompter.</summary>
public sealed class HostScriptRecord
{
    public string Id { get; set; } = "";
    public string MerchantId { get; set; } = "";
    public Guid ProductId { get; set; }
    public string Title { get; set; } = "";
    public string Script { get; set; } = "";
    public string Model { get; set; } = "";
    public int DurationMinutes { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

// Messages on the buses.
public sealed record CampaignDispatchMessage(Guid CampaignId, string MerchantId, DateTimeOffset RequestedAt);

public sealed record HostScriptPublished(string ScriptId, string RoomId, string MerchantId);

public sealed record ProductCopyRequested(Guid ProductId, string MerchantId, string Tone, string? ExtraNotes);

/// <summary>Numbers behind the merchant dashboard, the daily briefing and the weekly report.</summary>
public sealed record MerchantMetrics(
    string MerchantId,
    int ProductCount,
    int ReviewsLast7Days,
    double AverageRating,
    int ActiveCampaigns,
    int DeliveredLast7Days,
    IReadOnlyList<string> LowStockProducts);

public static class MerchantMetricsQueries
{
    public static async Task<MerchantMetrics> LoadMetricsAsync(this Marten.IQuerySession query, string merchantId, DateTimeOffset now, CancellationToken ct)
    {
        var weekAgo = now.AddDays(-7);
        var products = await Marten.QueryableExtensions.ToListAsync(
            query.Query<Product>().Where(p => p.MerchantId == merchantId), ct);
        var productIds = products.Select(p => p.Id).ToArray();

        var reviews = productIds.Length == 0
            ? []
            : await Marten.QueryableExtensions.ToListAsync(
                query.Query<BuyerReview>().Where(r => productIds.Contains(r.ProductId) && r.PostedAt >= weekAgo), ct);

        var campaigns = await Marten.QueryableExtensions.ToListAsync(
            query.Query<Campaign>().Where(c => c.MerchantId == merchantId), ct);

        return new MerchantMetrics(
            merchantId,
            products.Count,
            reviews.Count,
            reviews.Count == 0 ? 0 : reviews.Average(r => r.Rating),
            campaigns.Count(c => c.Status is CampaignStatus.Scheduled or CampaignStatus.Sending),
            campaigns.Where(c => c.SentAt >= weekAgo).Sum(c => c.DeliveredCount),
            products.Where(p => p.Stock < 20).Select(p => p.Name).Take(5).ToList());
    }
}
