using Hangfire;
using MassTransit;
using ShopCopilot.Data;
using ShopCopilot.Hubs;
using ShopCopilot.Models;
using ShopCopilot.Services;

namespace ShopCopilot.Jobs;

public sealed class ReviewDigestJob(IContentStore store, IReviewSummariser summariser, IPublishEndpoint bus, ISellerNotifier notifier, ILogger<ReviewDigestJob> logger)
{
    [AutomaticRetry(Attempts = 2)]
    [DisableConcurrentExecution(timeoutInSeconds: 3600)]
    public async Task RunAsync(CancellationToken ct)
    {
        var skus = await store.GetActiveSkusAsync(ct);
        var done = 0;
        foreach (var sku in skus)
        {
            var reviews = await store.GetReviewsAsync(sku, 200, ct);
            if (reviews.Count < 3)
            {
                continue;
            }

            var summary = await summariser.SummariseAsync(sku, reviews, ct);
            await store.SaveReviewSummaryAsync(new ReviewSummaryRow
            {
                Sku = sku,
                Summary = summary,
                ReviewCount = reviews.Count,
                GeneratedAt = DateTimeOffset.UtcNow.ToString("O"),
            }, ct);
            await bus.Publish(new ReviewDigestReady(sku, summary, reviews.Count), ct);
            done++;
        }

        logger.LogInformation("Review digest finished for {Count} SKUs", done);
        await notifier.JobFinishedAsync("review-digest", done, ct);
    }
}

public sealed class WeeklyPromoJob(IContentStore store, ISendEndpointProvider sendEndpoints, IConfiguration configuration)
{
    public async Task RunAsync(CancellationToken ct)
    {
        var recipients = configuration.GetSection("Marketing:WeeklyList").Get<string[]>() ?? [];
        if (recipients.Length == 0)
        {
            return;
        }

        var endpoint = await sendEndpoints.GetSendEndpoint(new Uri("queue:promo-email"));
        foreach (var sku in await store.GetActiveSkusAsync(ct))
        {
            await endpoint.Send(new GeneratePromoEmail(sku, "returning customers", "weekly deals", 10m, "en", recipients), ct);
        }
    }
}

public sealed class CampaignReportJob(IContentStore store, IMailOutbox outbox, IConfiguration configuration)
{
    public async Task RunAsync(CancellationToken ct)
    {
        var stats = await store.GetStatsAsync(ct);
        var to = configuration["Mail:OpsTo"] ?? "ops@shopcopilot.example";
        await outbox.SendOperationalAsync(to, "ShopCopilot daily counts",
            $"listings={stats.Listings} translations={stats.Translations} campaigns={stats.Campaigns} media={stats.MediaAssets} chat={stats.ChatTurns}", ct);
    }
}

public static class JobSchedule
{
    public static void Register(IRecurringJobManager jobs)
    {
        jobs.AddOrUpdate<ReviewDigestJob>("review-digest", j => j.RunAsync(CancellationToken.None), "0 2 * * *");
        jobs.AddOrUpdate<WeeklyPromoJob>("weekly-promo", j => j.RunAsync(CancellationToken.None), Cron.Weekly(DayOfWeek.Friday, 9));
        jobs.AddOrUpdate<CampaignReportJob>("campaign-report", j => j.RunAsync(CancellationToken.None), Cron.Daily(23));
    }
}

public sealed class PushTextRefresher(IServiceScopeFactory scopes, ISellerNotifier notifier, ILogger<PushTextRefresher> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromHours(6);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        do
        {
            try
            {
                await RefreshAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Push text refresh failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task RefreshAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<IContentStore>();
        var writer = scope.ServiceProvider.GetRequiredService<IMarketingWriter>();
        var cache = scope.ServiceProvider.GetRequiredService<IContentCache>();

        foreach (var sku in await store.GetActiveSkusAsync(ct))
        {
            var listing = (await store.GetListingsForSkuAsync(sku, ct)).FirstOrDefault();
            if (listing is null)
            {
                continue;
            }

            var text = await writer.WritePushTextAsync(listing.Title, "today's flash sale", 90, listing.Language, ct);
            await cache.StorePushTextAsync(new CachedPushText(sku, listing.Language, text, writer.ModelName, DateTimeOffset.UtcNow), ct);
            await notifier.PushTextRefreshedAsync(sku, text, ct);
        }
    }
}
