using System.Net;
using DeepSynth.Compliance.Audit;
using DeepSynth.Compliance.Labeling;
using DeepSynth.Compliance.RealName;
using DeepSynth.Compliance.Review;
using HuoPin.Live.Domain;
using HuoPin.Live.Infrastructure.Ai;
using HuoPin.Live.Infrastructure.Messaging;
using HuoPin.Live.Infrastructure.Notifications;
using HuoPin.Live.Services;
using Marten;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Caching.Distributed;
using Quartz;
using Telegram.Bot;

namespace HuoPin.Live.Jobs;

/// <summary>Nightly: re-summarises buyer reviews of products that got new reviews since the last summary.</summary>
[DisallowConcurrentExecution]
public sealed class ReviewDigestJob(
    IDocumentSession session,
    IReviewInsightService insights,
    IContentReviewer review,
    ISynthesisAuditLog audit,
    IDistributedCache cache,
    ILogger<ReviewDigestJob> logger) : IJob
{
    public static readonly JobKey Key = new("review-digest", "storefront");
    private const int MinimumReviews = 5;

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var ct = cancellationToken;
        var since = DateTimeOffset.UtcNow.AddDays(-1);
        var productIds = (await session.Query<BuyerReview>()
                .Where(r => r.PostedAt >= since)
                .Select(r => r.ProductId)
                .ToListAsync(ct))
            .Distinct()
            .ToList();

        var refreshed = 0;
        foreach (var productId in productIds)
        {
            var product = await session.LoadAsync<Product>(productId, ct);
            if (product is null)
            {
                continue;
            }

            var reviews = await session.Query<BuyerReview>()
                .Where(r => r.ProductId == productId)
                .OrderByDescending(r => r.PostedAt)
                .Take(200)
                .ToListAsync(ct);
            if (reviews.Count < MinimumReviews)
            {
                continue;
            }

            var digest = await insights.SummarizeAsync(product, reviews, ct);
            var verdict = await review.ReviewAsync(digest.Summary, ReviewStage.Output, ct);
            if (!verdict.IsAllowed)
            {
                logger.LogWarning("Review summary for {ProductId} held: {Decision}", productId, verdict.Decision);
                continue;
            }

            await audit.RecordAsync(digest.Summary, new GenerationRecord
            {
                UserId = product.MerchantId,
                Model = digest.Model,
                ContentId = $"review-summary:{productId}",
                Attributes = { ["trigger"] = "nightly" },
            }, ct);

            session.Store(new ReviewSummary
            {
                Id = productId,
                MerchantId = product.MerchantId,
                Summary = digest.Summary,
                Highlights = digest.Highlights.ToList(),
                ReviewCount = digest.ReviewCount,
                AverageRating = digest.AverageRating,
                Model = digest.Model,
                GeneratedAt = DateTimeOffset.UtcNow,
                LatestReviewAt = reviews[0].PostedAt,
            });
            await session.SaveChangesAsync(ct);
            await cache.RemoveAsync($"review-summary:{productId}", ct);
            refreshed++;
        }

        logger.LogInformation("Review digest refreshed {Refreshed} of {Candidates} products", refreshed, productIds.Count);
        context.Result = refreshed;
    }
}

/// <summary>Every morning: a short briefing to merchants who bound the Telegram bot.</summary>
[DisallowConcurrentExecution]
public sealed class MerchantBriefingJob(
    IQuerySession query,
    IHostScriptWriter writer,
    ITelegramBotClient bot,
    ILogger<MerchantBriefingJob> logger) : IJob
{
    public static readonly JobKey Key = new("merchant-briefing", "notifications");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var ct = cancellationToken;
        var merchants = await query.Query<MerchantProfile>().Where(m => m.TelegramChatId != null).ToListAsync(ct);

        foreach (var merchant in merchants)
        {
            try
            {
                var metrics = await query.LoadMetricsAsync(merchant.Id, DateTimeOffset.UtcNow, ct);
                var briefing = await writer.WriteDailyBriefingAsync(merchant, metrics, ct);
                await bot.SendMessage(merchant.TelegramChatId!.Value, $"☀️ {merchant.ShopName} 今日简报\n\n{briefing}", cancellationToken: ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Briefing for merchant {MerchantId} failed", merchant.Id);
            }
        }
    }
}

/// <summary>Mondays: weekly performance report by e-mail.</summary>
[DisallowConcurrentExecution]
public sealed class WeeklyReportJob(
    IQuerySession query,
    IChatClient chat,
    IEmailSender email,
    IRealNameGate realName,
    IContentReviewer review,
    IAigcTextLabeler label,
    ISynthesisAuditLog audit,
    ILogger<WeeklyReportJob> logger) : IJob
{
    public static readonly JobKey Key = new("weekly-report", "notifications");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var ct = cancellationToken;
        var merchants = await query.Query<MerchantProfile>().Where(m => m.WeeklyReportEnabled).ToListAsync(ct);

        foreach (var merchant in merchants)
        {
            if (!await realName.IsVerifiedAsync(merchant.Id, ct))
            {
                continue;
            }

            var metrics = await query.LoadMetricsAsync(merchant.Id, DateTimeOffset.UtcNow, ct);
            var response = await chat.GetResponseAsync(
                $"""
                为店铺“{merchant.ShopName}”写一份周报，分“本周表现”“值得关注”“下周建议”三段，每段 2-3 句。
                数据：商品 {metrics.ProductCount} 个，近 7 日评价 {metrics.ReviewsLast7Days} 条（均分 {metrics.AverageRating:0.0}），
                进行中活动 {metrics.ActiveCampaigns} 个，7 日触达 {metrics.DeliveredLast7Days} 人，低库存：{string.Join("、", metrics.LowStockProducts)}。
                """,
                new ChatOptions { Temperature = 0.3f, AdditionalProperties = new() { [UsageTrackingChatClient.MerchantIdKey] = merchant.Id } },
                ct);

            var report = await review.EnsureAllowedAsync(response.Text, ReviewStage.Output, ct);
            await audit.RecordAsync(report, new GenerationRecord
            {
                UserId = merchant.Id,
                Model = response.ModelId ?? "default",
                ContentId = $"weekly-report:{merchant.Id}:{DateTime.UtcNow:yyyy-ww}",
            }, ct);

            var labeled = label.Label(report);
            var html = string.Join("", labeled.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(p => $"<p>{WebUtility.HtmlEncode(p)}</p>"));
            await email.SendAsync(merchant.ContactEmail, $"【货品直播】{merchant.ShopName} 周报", html, labeled, ct);
            logger.LogInformation("Weekly report sent to merchant {MerchantId}", merchant.Id);
        }
    }
}

/// <summary>Every 15 minutes: starts scheduled campaigns that are due and sends their app push.</summary>
[DisallowConcurrentExecution]
public sealed class ScheduledCampaignJob(
    IDocumentSession session,
    IMarketingCopyService copy,
    IPushSender push,
    ICampaignDispatchPublisher dispatch,
    ILogger<ScheduledCampaignJob> logger) : IJob
{
    public static readonly JobKey Key = new("scheduled-campaigns", "campaigns");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var ct = cancellationToken;
        var now = DateTimeOffset.UtcNow;
        var due = await session.Query<Campaign>()
            .Where(c => c.Status == CampaignStatus.Scheduled && c.ScheduledAt <= now)
            .Take(20)
            .ToListAsync(ct);

        foreach (var campaign in due)
        {
            if (campaign.SendPush)
            {
                var product = campaign.ProductId is { } productId ? await session.LoadAsync<Product>(productId, ct) : null;
                var headline = await copy.WritePushHeadlineAsync(campaign, product, ct);
                foreach (var token in campaign.Recipients.Select(r => r.PushToken).OfType<string>())
                {
                    await push.PushAsync(token, campaign.Name, headline.Text,
                        new Dictionary<string, string> { ["campaignId"] = campaign.Id.ToString() }, ct);
                }
            }

            await dispatch.PublishAsync(new CampaignDispatchMessage(campaign.Id, campaign.MerchantId, now), ct);
            logger.LogInformation("Scheduled campaign {CampaignId} started", campaign.Id);
        }
    }
}
