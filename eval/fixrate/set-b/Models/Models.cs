namespace ShopAssist.Models;

public sealed record ProductInput(string Name, string[] Features, string Audience);

public sealed class ProductCopy
{
    public string Sku { get; init; } = "";
    public string Headline { get; set; } = "";
    public string Description { get; set; } = "";
    public List<string> Bullets { get; } = new();
}

public sealed record SupportTicket(int Id, string CustomerMessage);

public sealed record SuggestedReply(int TicketId, string Reply, float Confidence);

public sealed record ReviewDigest(string ProductId, string Summary, int ReviewCount);

public sealed record SeoTags(IReadOnlyList<string> Tags);
