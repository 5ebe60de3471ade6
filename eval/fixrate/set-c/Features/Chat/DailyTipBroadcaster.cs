using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.AI;

namespace TravelDesk.Features.Chat;

public sealed class DailyTipBroadcaster(IHubContext<ConciergeHub, IConciergeClient> hub, IChatClient chat) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var response = await chat.GetResponseAsync("A short travel tip of the day.", cancellationToken: stoppingToken);
            await hub.Clients.All.Tip(response.Text);
            await Task.Delay(TimeSpan.FromHours(24), stoppingToken);
        }
    }
}
