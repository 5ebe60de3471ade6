using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.AI;
using ZhengWuTong.Domain;
using ZhengWuTong.Hubs;
using ZhengWuTong.Infrastructure.Storage;

namespace ZhengWuTong.Workers;

public sealed record HallQueueStatus(string HallName, int Waiting, int Booked, DateTime AsOf);

/// <summary>Pushes live service-hall queue figures, and now and then a crowd tip, to residents watching a hall.</summary>
public sealed class HallQueueBroadcastWorker(
    IServiceScopeFactory scopes,
    IHubContext<ResidentAssistantHub> hub,
    ILogger<HallQueueBroadcastWorker> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);
    private const int TipEveryTicks = 15;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        var tick = 0;

        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                using var scope = scopes.CreateScope();
                var store = scope.ServiceProvider.GetRequiredService<GovDataStore>();
                var statuses = Snapshot(store);

                foreach (var status in statuses)
                {
                    await hub.Clients.Group($"hall:{status.HallName}").SendAsync("queueStatus", status, stoppingToken);
                }

                if (++tick % TipEveryTicks == 0)
                {
                    var chat = scope.ServiceProvider.GetRequiredService<IChatClient>();
                    await PushCrowdTipsAsync(chat, statuses, stoppingToken);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Queue broadcast tick failed");
            }
        }
    }

    private static List<HallQueueStatus> Snapshot(GovDataStore store)
    {
        var now = DateTime.UtcNow;
        return store.Appointments
            .Find(a => a.SlotStartUtc >= now.AddHours(-1) && a.SlotStartUtc <= now.AddHours(2))
            .GroupBy(a => a.HallName)
            .Select(g => new HallQueueStatus(
                g.Key,
                g.Count(a => a.Status == AppointmentStatus.Reminded || a.Status == AppointmentStatus.Booked && a.SlotStartUtc <= now),
                g.Count(a => a.Status == AppointmentStatus.Booked),
                now))
            .ToList();
    }

    private async Task PushCrowdTipsAsync(IChatClient chat, IReadOnlyList<HallQueueStatus> statuses, CancellationToken ct)
    {
        foreach (var status in statuses.Where(s => s.Waiting > 10))
        {
            var response = await chat.GetResponseAsync(
                $"{status.HallName}当前排队{status.Waiting}人，请用一句话建议居民错峰办理或使用网上办事大厅。",
                cancellationToken: ct);
            await hub.Clients.Group($"hall:{status.HallName}").SendAsync("crowdTip", response.Text, ct);
        }
    }
}
