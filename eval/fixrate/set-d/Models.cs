namespace LumenMarket.Models;

public record Product(string Sku, string Name, string Category, decimal Price, string Summary);
public record ReviewSnippet(string Sku, int Stars, string Text);
public record SupportQuestion(string CustomerId, string Message, string? OrderNumber = null);
public record SupportAnswer(string Answer, string Tone, DateTimeOffset AnsweredAt);
public record TicketReplyRequest(string TicketId, string CustomerName, string CustomerMessage, string? AgentNotes);
public record ReplySuggestion(string TicketId, string Subject, string Body, IReadOnlyList<string> FollowUpQuestions);
public record TicketSummary(string TicketId, string Summary, int MessageCount);
public record ProductCopyRequest(string Sku, string? Audience, string? Keywords);

public sealed class ProductCopyResult
{
    public string Sku { get; init; } = string.Empty;
    public string Headline { get; set; } = string.Empty;
    public string Description { get; set; } = string.Empty;
    public List<string> Bullets { get; } = new();
}

public record TaglineRequest(string ProductName, int Count = 5);
public record BannerRequest(string Theme, string ProductName, string? Style);
public record NewsletterRequest(string Segment, string Season, List<string> FeaturedSkus);
public record NewsletterDraft(string Subject, string Intro, IReadOnlyList<string> Skus);
public record CampaignRequest(string Announcement, List<string> Channels);
public record SocialPost(string Channel, string Text);
public record OrderDelayNotice(string OrderNumber, string CustomerEmail, string CustomerName, string Reason);
public record ToneReport(string Tone, string Rewritten, DateTime CreatedAt);
