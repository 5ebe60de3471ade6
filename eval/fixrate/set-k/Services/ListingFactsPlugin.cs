using System.ComponentModel;
using System.Text.Json;
using ListingAssistant.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.SemanticKernel;

namespace ListingAssistant.Services;

public sealed class ListingFactsPlugin(IDbContextFactory<ListingDbContext> dbFactory)
{
    [KernelFunction("get_listing_facts")]
    [Description("Returns the facts for a listing: address, price, rooms, area, features and open home time.")]
    public async Task<string> GetListingFactsAsync(
        [Description("The listing id")] int listingId,
        CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var listing = await db.Listings.AsNoTracking().FirstOrDefaultAsync(l => l.Id == listingId, ct);
        if (listing is null)
        {
            return "Listing not found.";
        }

        return JsonSerializer.Serialize(new
        {
            listing.Address,
            listing.Suburb,
            listing.PropertyType,
            listing.AskingPrice,
            listing.Bedrooms,
            listing.Bathrooms,
            listing.ParkingSpaces,
            listing.FloorAreaSqm,
            Features = listing.Features.Split(';', StringSplitOptions.RemoveEmptyEntries),
            listing.Description,
            OpenHouse = listing.OpenHouseAtUtc?.ToString("u")
        });
    }

    [KernelFunction("find_similar_listings")]
    [Description("Finds other published listings in the same suburb with a similar number of bedrooms.")]
    public async Task<string> FindSimilarListingsAsync(
        [Description("Suburb name")] string suburb,
        [Description("Number of bedrooms")] int bedrooms,
        CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var similar = await db.Listings.AsNoTracking()
            .Where(l => l.Suburb == suburb && l.Status == "Published" && l.Bedrooms >= bedrooms - 1 && l.Bedrooms <= bedrooms + 1)
            .OrderBy(l => l.AskingPrice)
            .Take(5)
            .Select(l => new { l.Id, l.Address, l.AskingPrice, l.Bedrooms })
            .ToListAsync(ct);

        return similar.Count == 0 ? "No similar listings." : JsonSerializer.Serialize(similar);
    }

    [KernelFunction("get_agent_contact")]
    [Description("Returns the listing agent's name, agency and phone number.")]
    public async Task<string> GetAgentContactAsync(
        [Description("The listing id")] int listingId,
        CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var agent = await db.Listings.AsNoTracking()
            .Where(l => l.Id == listingId)
            .Select(l => new { l.Agent!.FullName, l.Agent.Agency, l.Agent.Phone })
            .FirstOrDefaultAsync(ct);

        return agent is null ? "Unknown agent." : $"{agent.FullName} ({agent.Agency}), {agent.Phone}";
    }
}
