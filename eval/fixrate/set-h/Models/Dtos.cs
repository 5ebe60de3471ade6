namespace MenuMuse.Models;

public sealed record Merchant(string Id, string Name, string City, string Cuisine, string Phone);
public sealed record Dish(int Id, string MerchantId, string Name, decimal Price, string Ingredients, bool IsVegetarian);
public sealed record OrderLine(int DishId, string DishName, int Quantity, decimal UnitPrice);

public sealed record Order(Guid Id, string MerchantId, string CustomerName, IReadOnlyList<OrderLine> Lines, string Status, DateTimeOffset PlacedAt)
{
    public decimal Total => Lines.Sum(l => l.Quantity * l.UnitPrice);
}

public sealed record OrderSummary(Guid Id, string CustomerName, int ItemCount, decimal Total, string Status, DateTimeOffset PlacedAt);
public sealed record MerchantProfile(string Id, string Name, string City, string Cuisine, string Phone, int DishCount);

public sealed record DescriptionRequest(string Tone = "warm", int MaxWords = 60);
public sealed record DishDescriptionResponse(int DishId, string DishName, decimal Price, string Description, string Model, DateTimeOffset GeneratedAt);

public sealed record TranslationRequest(List<string> Languages);
public sealed record TranslatedDish(string Language, string Name, string Description);
public sealed record TranslationBatch(List<TranslatedDish> Items);
public sealed record DishTranslationsResponse(int DishId, string OriginalName, Dictionary<string, TranslatedDish> Translations, string Model, DateTimeOffset GeneratedAt);

public sealed record ReviewReplyRequest(string ReviewId, string CustomerName, int Rating, string ReviewText, string? Tone = null);

public sealed record ReviewReplyDraft(
    Guid Id, string MerchantId, string ReviewId, int Rating, string ReviewText,
    string ReplyText, string Model, DateTimeOffset CreatedAt);

public sealed record ReviewReplySummary(Guid Id, string ReviewId, int Rating, string Preview, DateTimeOffset CreatedAt);

public sealed record ChatReply(string MerchantId, string Text, DateTimeOffset SentAt);
public sealed record PromotionMessage(string City, string MerchantName, string Body, IReadOnlyList<int> DishIds, DateTimeOffset SentAt);

public sealed record PhotoRequest(int DishId, string? Style = null);
public sealed record DishPhoto(Guid Id, int DishId, string DishName, string FileName, string Prompt, string Model, DateTimeOffset CreatedAt);
