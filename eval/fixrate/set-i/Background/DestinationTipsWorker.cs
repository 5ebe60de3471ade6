using Microsoft.Extensions.AI;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using TripPal.Data;
using TripPal.Models;
using TripPal.Options;

namespace TripPal.Background;

/// <summary>Refreshes the destination tips every night so the tips page never waits on the model.</summary>
public sealed class DestinationTipsWorker(IChatClient chatClient, TravelCatalog catalog, IMemoryCache cache,
    IOptions<DestinationTipsSettings> options, ILogger<DestinationTipsWorker> logger) : BackgroundService
{
    public const string CacheKeyPrefix = "tips:";
    private readonly DestinationTipsSettings _settings = options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var refreshed = 0;
            foreach (var destination in catalog.Destinations)
            {
                try
                {
                    await RefreshAsync(destination, stoppingToken);
                    refreshed++;
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogWarning(ex, "Could not refresh tips for {Destination}", destination.Slug);
                }
            }

            var now = DateTimeOffset.UtcNow;
            var next = new DateTimeOffset(now.Date.AddHours(_settings.RunAtHourUtc), TimeSpan.Zero);
            var wait = (next > now ? next : next.AddDays(1)) - now;
            logger.LogInformation("Refreshed tips for {Count} destinations, next run in {Wait}", refreshed, wait);
            await Task.Delay(wait, stoppingToken);
        }
    }

    private async Task RefreshAsync(Destination destination, CancellationToken cancellationToken)
    {
        var prompt = $"Give {_settings.TipsPerDestination} practical insider tips for visiting {destination.Name}, {destination.Country} " +
                     $"in {destination.BestSeason}. One tip per line, no numbering, at most 25 words each.";
        var response = await chatClient.GetResponseAsync(prompt, cancellationToken: cancellationToken);

        var tips = response.Text
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.TrimStart('-', '*', ' '))
            .Take(_settings.TipsPerDestination)
            .Select((line, index) => new DestinationTip(destination.Slug, index + 1, line))
            .ToList();

        var page = new DestinationTipsPage(destination.Name, tips, DateTimeOffset.UtcNow, response.ModelId ?? "unknown");
        cache.Set(CacheKeyPrefix + destination.Slug, page, _settings.CacheLifetime);
    }
}
