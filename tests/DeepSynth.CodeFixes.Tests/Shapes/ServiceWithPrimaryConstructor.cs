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

    // One whole text per group: each is labeled (a notice before the loop could not name the group).
    public async Task PublishTopicDigestsAsync(IEnumerable<string> topics, CancellationToken cancellationToken)
    {
        foreach (var topic in topics)
        {
            var response = await chat.GetResponseAsync($"Write today's digest on {topic}", cancellationToken: cancellationToken);
            await hub.Clients.Group(topic).SendAsync("digest", response.Text, cancellationToken);
        }
    }
}
