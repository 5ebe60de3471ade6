using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.AI;

namespace Chat.Digest;

public class NewsHub : Hub
{
}

public class DigestPublisher(IChatClient chat, IHubContext<NewsHub> hub)
{
    public async Task PublishDailyDigestAsync(CancellationToken cancellationToken)
    {
        var response = await chat.GetResponseAsync("Write today's news digest", cancellationToken: cancellationToken);
        await hub.Clients.All.SendAsync("digest", response.Text, cancellationToken);
    }
}
