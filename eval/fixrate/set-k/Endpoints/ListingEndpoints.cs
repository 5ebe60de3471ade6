using System.Text;
using System.Text.Json;
using ListingAssistant.Data;
using ListingAssistant.Models;
using ListingAssistant.Services;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace ListingAssistant.Endpoints;

public static class ListingEndpoints
{
    public static RouteGroupBuilder MapListingEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/listings").WithTags("Listings");

        group.MapGet("/", Search);
        group.MapGet("/{id:int}", GetById).WithName("GetListing");
        group.MapPut("/{id:int}/open-house", ScheduleOpenHouse);
        group.MapPost("/{id:int}/highlights", Highlights);
        group.MapGet("/{id:int}/neighbourhood/stream", StreamNeighbourhood);
        group.MapGet("/{id:int}/neighbourhood", CachedNeighbourhood);
        group.MapGet("/{id:int}/audio-tour", AudioTour);
        group.MapPost("/{id:int}/translations", Translate);
        group.MapGet("/{id:int}/translations/{lang}", GetTranslation);

        return group;
    }

    private static async Task<Ok<List<ListingDto>>> Search([AsParameters] ListingSearchQuery query, ListingDbContext db, CancellationToken ct)
    {
        var listings = db.Listings.AsNoTracking().Where(l => l.Status == "Published");
        if (!string.IsNullOrWhiteSpace(query.Suburb)) listings = listings.Where(l => l.Suburb == query.Suburb);
        if (query.MinPrice is int min) listings = listings.Where(l => l.AskingPrice >= min);
        if (query.MaxPrice is int max) listings = listings.Where(l => l.AskingPrice <= max);
        if (query.MinBedrooms is int beds) listings = listings.Where(l => l.Bedrooms >= beds);

        var pageSize = Math.Clamp(query.PageSize ?? 20, 1, 100);
        var page = await listings
            .OrderByDescending(l => l.PublishedAtUtc)
            .Skip((Math.Max(query.Page ?? 1, 1) - 1) * pageSize)
            .Take(pageSize)
            .ToListAsync(ct);

        return TypedResults.Ok(page.Select(ToDto).ToList());
    }

    private static async Task<Results<Ok<ListingDto>, NotFound>> GetById(int id, ListingDbContext db, CancellationToken ct)
    {
        var listing = await db.Listings.AsNoTracking().FirstOrDefaultAsync(l => l.Id == id, ct);
        return listing is null ? TypedResults.NotFound() : TypedResults.Ok(ToDto(listing));
    }

    private static async Task<IResult> ScheduleOpenHouse(int id, [FromBody] DateTime startsAtUtc, ListingDbContext db, CancellationToken ct)
    {
        var listing = await db.Listings.FindAsync([id], ct);
        if (listing is null) return Results.NotFound();

        listing.OpenHouseAtUtc = DateTime.SpecifyKind(startsAtUtc, DateTimeKind.Utc);
        listing.OpenHouseAnnounced = false;
        await db.SaveChangesAsync(ct);
        return Results.NoContent();
    }

    private static async Task<IResult> Highlights(int id, HighlightsRequest request, ListingDbContext db, IListingCopyService copy, CancellationToken ct)
    {
        var listing = await db.Listings.FindAsync([id], ct);
        if (listing is null) return Results.NotFound();

        var highlights = await copy.ExtractHighlightsAsync(listing, request, ct);
        return Results.Ok(highlights);
    }

    private static async Task StreamNeighbourhood(int id, string? focus, HttpContext http, ListingDbContext db,
        IListingCopyService copy, IMemoryCache cache, CancellationToken ct)
    {
        var listing = await db.Listings.AsNoTracking().FirstOrDefaultAsync(l => l.Id == id, ct);
        if (listing is null)
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        http.Response.Headers.ContentType = "text/event-stream";
        http.Response.Headers.CacheControl = "no-cache";

        var full = new StringBuilder();
        await foreach (var chunk in copy.StreamNeighbourhoodSummaryAsync(listing, focus, ct))
        {
            full.Append(chunk);
            await http.Response.WriteAsync($"data: {JsonSerializer.Serialize(new { text = chunk })}\n\n", ct);
            await http.Response.Body.FlushAsync(ct);
        }

        await http.Response.WriteAsync("event: done\ndata: {}\n\n", ct);

        cache.Set($"neighbourhood:{id}", new NeighbourhoodSummaryDto(id, listing.Suburb, full.ToString(), DateTime.UtcNow),
            TimeSpan.FromHours(12));
    }

    private static IResult CachedNeighbourhood(int id, IMemoryCache cache) =>
        cache.TryGetValue($"neighbourhood:{id}", out NeighbourhoodSummaryDto? summary)
            ? Results.Ok(summary)
            : Results.NotFound();

    private static async Task<IResult> AudioTour(int id, string? voice, ListingDbContext db, IListingCopyService copy,
        IMediaStudio studio, CancellationToken ct)
    {
        var listing = await db.Listings.AsNoTracking().FirstOrDefaultAsync(l => l.Id == id, ct);
        if (listing is null) return Results.NotFound();

        var script = await copy.WriteTourScriptAsync(listing, ct);
        var audio = await studio.NarrateAsync(script, voice, ct);
        return Results.File(audio, "audio/mpeg", $"tour-{id}.mp3");
    }

    private static async Task<IResult> Translate([AsParameters] TranslateListingParameters p, ListingDbContext db,
        ITranslationClient translator, CancellationToken ct)
    {
        var listing = await db.Listings.FindAsync([p.ListingId], ct);
        if (listing?.Description is null) return Results.NotFound();

        var source = p.IncludeFeatures ?? true
            ? $"{listing.Description}\n\nFeatures: {listing.Features.Replace(";", ", ")}"
            : listing.Description;

        var text = await translator.TranslateAsync(source, p.Language, ct);

        var existing = await db.Translations.FirstOrDefaultAsync(t => t.ListingId == p.ListingId && t.Language == p.Language, ct);
        if (existing is null)
        {
            existing = new ListingTranslation { ListingId = p.ListingId, Language = p.Language };
            db.Translations.Add(existing);
        }
        existing.Text = text;
        existing.UpdatedAtUtc = DateTime.UtcNow;
        await db.SaveChangesAsync(ct);

        return Results.Created($"/api/listings/{p.ListingId}/translations/{p.Language}",
            new TranslationDto(existing.ListingId, existing.Language, existing.Text, existing.UpdatedAtUtc));
    }

    private static async Task<IResult> GetTranslation(int id, string lang, ListingDbContext db, CancellationToken ct)
    {
        var t = await db.Translations.AsNoTracking().FirstOrDefaultAsync(x => x.ListingId == id && x.Language == lang, ct);
        return t is null ? Results.NotFound() : Results.Ok(new TranslationDto(t.ListingId, t.Language, t.Text, t.UpdatedAtUtc));
    }

    internal static ListingDto ToDto(Listing l) =>
        new(l.Id, l.AgentId, l.Address, l.Suburb, l.PropertyType, l.AskingPrice, l.Bedrooms, l.Bathrooms,
            l.ParkingSpaces, l.FloorAreaSqm, l.Status, l.Description, l.OpenHouseAtUtc);
}
