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

    // A message object built before the send, one per group: its text is labeled where it goes in.
    public async Task PublishTopicCardsAsync(IEnumerable<string> topics, CancellationToken cancellationToken)
    {
        foreach (var topic in topics)
        {
            var response = await chat.GetResponseAsync($"Write a card on {topic}", cancellationToken: cancellationToken);
            var card = new DigestCard(topic, response.Text, DateTimeOffset.UtcNow);
            await hub.Clients.Group(topic).SendAsync("card", card, cancellationToken);
        }
    }

    // A loop over a collection sends a whole message each pass, even to one audience: labeled where the text goes in.
    public async Task PublishCityCardsAsync(IEnumerable<string> cities, CancellationToken cancellationToken)
    {
        foreach (var city in cities)
        {
            var response = await chat.GetResponseAsync($"Write a card on {city}", cancellationToken: cancellationToken);
            var card = new DigestCard(city, response.Text, DateTimeOffset.UtcNow);
            await hub.Clients.All.SendAsync("card", card, cancellationToken);
        }
    }
}

public sealed record DigestCard(string Topic, string Text, DateTimeOffset At);
