namespace TripPal.Models;

public sealed record ItineraryRequest(string Destination, DateOnly StartDate, int Days, string TravelStyle, IReadOnlyList<string> Interests, string? Notes);

/// <summary>Shape the model fills in (structured output).</summary>
public sealed record ItineraryPlan(string Title, List<PlannedDay> Days, string PackingAdvice);
public sealed record PlannedDay(int DayNumber, string Morning, string Afternoon, string Evening);

public sealed record ItineraryDayDto(int Day, DateOnly Date, string Plan);

public sealed record ItinerarySuggestion(Guid SuggestionId, string Destination, DateOnly StartDate, string Title,
    IReadOnlyList<ItineraryDayDto> Days, string PackingAdvice, decimal EstimatedBudgetEur, string Model, DateTimeOffset CreatedAt);

public sealed record HotelDescriptionRequest(string HotelName, string City, string CurrentDescription, string Tone, IReadOnlyList<string>? Amenities);

public sealed record RewrittenDescription(string MerchantId, string HotelId, string Tone, string Description, int WordCount, string Model, DateTimeOffset GeneratedAt);
public sealed record DescriptionVariant(string Tone, string Description, int WordCount);

public sealed record ChatMessageRequest(string Text);
public sealed record ChatReply(string SessionId, string Reply, int TurnCount, string Model, DateTimeOffset At);
public sealed record ChatTurnDto(int Index, string Role, string Content);

public sealed record TripSummaryEmailRequest(string? PersonalNote, bool IncludePackingList);

public sealed record DestinationTip(string DestinationSlug, int Rank, string Text);
public sealed record DestinationTipsPage(string Destination, IReadOnlyList<DestinationTip> Tips, DateTimeOffset GeneratedAt, string Model);

public sealed record StoredImage(Guid Id, string DestinationSlug, byte[] Bytes, string ContentType, string Model, DateTimeOffset CreatedAt);

public sealed record FaqAnswer(string Question, string Answer, bool FromCache);
