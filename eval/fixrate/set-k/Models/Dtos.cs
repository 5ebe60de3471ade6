using Microsoft.AspNetCore.Mvc;

namespace ListingAssistant.Models;

public sealed record CreateDraftRequest(int ListingId, string AgentNotes, string Tone = "warm", int MaxWords = 180);

public sealed record UpdateDraftRequest(string Body);

public sealed record DraftDto(Guid Id, int ListingId, string Tone, string Body, DateTime CreatedAtUtc, DateTime? PublishedAtUtc);

public sealed record ListingDto(
    int Id,
    int AgentId,
    string Address,
    string Suburb,
    string PropertyType,
    int AskingPrice,
    int Bedrooms,
    int Bathrooms,
    int ParkingSpaces,
    double FloorAreaSqm,
    string Status,
    string? Description,
    DateTime? OpenHouseAtUtc);

public sealed class ListingSearchQuery
{
    [FromQuery(Name = "suburb")] public string? Suburb { get; init; }
    [FromQuery(Name = "minPrice")] public int? MinPrice { get; init; }
    [FromQuery(Name = "maxPrice")] public int? MaxPrice { get; init; }
    [FromQuery(Name = "beds")] public int? MinBedrooms { get; init; }
    [FromQuery(Name = "page")] public int? Page { get; init; }
    [FromQuery(Name = "pageSize")] public int? PageSize { get; init; }
}

public sealed class TranslateListingParameters
{
    [FromRoute(Name = "id")] public int ListingId { get; init; }
    [FromQuery(Name = "lang")] public required string Language { get; init; }
    [FromQuery(Name = "includeFeatures")] public bool? IncludeFeatures { get; init; }
}

public sealed record HighlightsRequest(string? ExtraNotes, string? TargetBuyer);

public sealed record ListingHighlights(string Headline, string[] KeySellingPoints, string[] Hashtags, string IdealBuyer);

public sealed record NeighbourhoodSummaryDto(int ListingId, string Suburb, string Summary, DateTime GeneratedAtUtc);

public sealed record TranslationDto(int ListingId, string Language, string Text, DateTime UpdatedAtUtc);

public sealed record CaptionDto(string FileName, string Caption, string AltText);

public sealed record StagingResultDto(string ImageUrl, string RoomType, string Style);

public sealed record SocialPostRequest(int ListingId, string Platform = "instagram", string? CallToAction = null);

public sealed record SocialPostDto(int ListingId, string Platform, string Post);

public sealed record AgentBioRequest(string Achievements, int YearsExperience, string? Specialty);

public sealed record AgentProfileDto(int Id, string FullName, string Agency, string Email, string Phone, string? Bio, int ActiveListings);

public sealed record LeadDto(int Id, int ListingId, string Question, string Answer, DateTime AskedAtUtc);

public sealed record EchoRequest(string Text);

public sealed record StatsDto(int Listings, int Published, int Drafts, int Subscribers, int Leads);

public sealed record BuyerAnswerDto(int ListingId, string Question, string Answer, DateTime AnsweredAtUtc);

public sealed record OpenHouseTeaserDto(int ListingId, string Address, DateTime StartsAtUtc, string Teaser);
