using ListingAssistant.Data;
using ListingAssistant.Hubs;
using ListingAssistant.Models;
using ListingAssistant.Services;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;

namespace ListingAssistant.Background;

public sealed class OpenHouseBroadcastService(
    IServiceScopeFactory scopeFactory,
    IHubContext<BuyerChatHub> hub,
    ILogger<OpenHouseBroadcastService> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan LeadTime = TimeSpan.FromMinutes(60);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        do
        {
            try
            {
                await AnnounceUpcomingAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Open house broadcast cycle failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task AnnounceUpcomingAsync(CancellationToken ct)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ListingDbContext>();
        var copy = scope.ServiceProvider.GetRequiredService<IListingCopyService>();

        var now = DateTime.UtcNow;
        var cutoff = now.Add(LeadTime);
        var upcoming = await db.Listings
            .Where(l => !l.OpenHouseAnnounced && l.OpenHouseAtUtc != null && l.OpenHouseAtUtc > now && l.OpenHouseAtUtc <= cutoff)
            .ToListAsync(ct);

        foreach (var listing in upcoming)
        {
            var teaser = await copy.WriteOpenHouseTeaserAsync(listing, ct);
            var payload = new OpenHouseTeaserDto(listing.Id, listing.Address, listing.OpenHouseAtUtc!.Value, teaser);

            await hub.Clients.Group(BuyerChatHub.ListingGroup(listing.Id)).SendAsync("openHouseStartingSoon", payload, ct);
            await hub.Clients.All.SendAsync("openHouseFeed", payload, ct);

            listing.OpenHouseAnnounced = true;
            logger.LogInformation("Announced open house for listing {ListingId}", listing.Id);
        }

        if (upcoming.Count > 0)
        {
            await db.SaveChangesAsync(ct);
        }
    }
}
