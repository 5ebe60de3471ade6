using DeepSynth.Compliance.Audit;
using DeepSynth.Compliance.Labeling;
using DeepSynth.Compliance.RealName;
using DeepSynth.Compliance.Review;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using WealthPal.Ai;
using WealthPal.Data;
using WealthPal.Hubs;
using WealthPal.Notifications;

namespace WealthPal.Workers;

/// <summary>
/// Every 15 minutes during the NAV publishing window: customers holding a fund that moved more than the
/// threshold get a short explanation in their inbox, a push and (if online) a hub message.
/// </summary>
public sealed class PortfolioAlertWorker(
    IServiceScopeFactory scopes,
    IHubContext<ClientHub> hub,
    IConfiguration configuration,
    ILogger<PortfolioAlertWorker> logger) : BackgroundService
{
    private readonly TimeSpan _interval = TimeSpan.FromMinutes(configuration.GetValue("Alerts:IntervalMinutes", 15));
    private readonly decimal _threshold = configuration.GetValue("Alerts:DailyMoveThreshold", 0.03m);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_interval);
        do
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Alert run failed");
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task RunOnceAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<WealthDbContext>();
        var deepSeek = sp.GetRequiredService<DeepSeekClient>();
        var review = sp.GetRequiredService<IContentReviewer>();
        var audit = sp.GetRequiredService<ISynthesisAuditLog>();
        var label = sp.GetRequiredService<IAigcTextLabeler>();
        var realName = sp.GetRequiredService<IRealNameGate>();
        var push = sp.GetRequiredService<PushRelay>();

        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        var movers = (await db.Funds.AsNoTracking().Where(f => f.NavDate == today && f.PreviousNav > 0).ToListAsync(ct))
            .Where(f => Math.Abs(f.DailyChange) >= _threshold)
            .ToList();
        if (movers.Count == 0) return;

        var sentToday = await db.InAppMessages.AsNoTracking()
            .Where(m => m.Category == "alert" && m.CreatedAt >= DateTimeOffset.UtcNow.AddHours(-12))
            .Select(m => m.CustomerId + ":" + m.DeepLink)
            .ToListAsync(ct);
        var already = sentToday.ToHashSet();

        foreach (var fund in movers)
        {
            var deepLink = $"wealthpal://fund/{fund.Code}";
            var holders = await db.Holdings.AsNoTracking().Where(h => h.FundCode == fund.Code && h.Units > 0)
                .Join(db.Customers, h => h.CustomerId, c => c.Id, (h, c) => new { c.Id, c.ExternalUserId, h.Units })
                .ToListAsync(ct);

            var completion = await deepSeek.CompleteAsync(
            [
                WireMessage.System("你是银行理财助手，用两句话客观说明基金当日净值波动可能的市场原因，不预测、不给买卖建议。"),
                WireMessage.User($"{fund.Name}（{fund.Code}，{fund.Category}）{fund.NavDate:yyyy-MM-dd} 净值 {fund.Nav:F4}，较前一日 {fund.DailyChange:P2}。")
            ], ct);

            var verdict = await review.ReviewAsync(completion.Content, ReviewStage.Output, ct);
            if (!verdict.IsAllowed)
            {
                logger.LogWarning("Alert text for {Fund} withheld: {Decision}", fund.Code, verdict.Decision);
                continue;
            }
            var text = completion.Content;
            var title = $"{fund.Name} 今日{(fund.DailyChange > 0 ? "上涨" : "下跌")} {Math.Abs(fund.DailyChange):P2}";

            foreach (var holder in holders)
            {
                if (already.Contains(holder.Id + ":" + deepLink)) continue;
                if (!await realName.IsVerifiedAsync(holder.ExternalUserId, ct)) continue;

                await audit.RecordAsync(text, new GenerationRecord
                {
                    UserId = holder.ExternalUserId, Model = completion.Model, ContentId = $"alert-{fund.Code}-{today:yyyyMMdd}"
                }, ct);

                var body = label.Label(text);
                db.InAppMessages.Add(new InAppMessage
                {
                    CustomerId = holder.Id, Category = "alert", Title = title, Body = body,
                    DeepLink = deepLink, CreatedAt = DateTimeOffset.UtcNow
                });

                await hub.Clients.User(holder.ExternalUserId).SendAsync("alert", new { fund = fund.Code, title, body }, ct);
                await push.SendAsync(holder.ExternalUserId, title, text.Length > 80 ? text[..80] + "…" : text, deepLink, ct);
            }
            await db.SaveChangesAsync(ct);

            var unread = await db.InAppMessages.AsNoTracking().Where(m => !m.IsRead)
                .GroupBy(m => m.CustomerId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
            foreach (var holder in holders)
            {
                var count = unread.FirstOrDefault(u => u.Key == holder.Id)?.Count ?? 0;
                await hub.Clients.User(holder.ExternalUserId).SendAsync("inboxUnread", count, ct);
            }
        }
    }
}
