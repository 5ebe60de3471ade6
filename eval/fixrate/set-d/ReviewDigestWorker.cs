using LumenMarket.Catalog;
using LumenMarket.Hubs;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.AI;

namespace LumenMarket.Background;

/// <summary>Every half hour, summarizes fresh product reviews and pushes the digest to the agents online.</summary>
public sealed class ReviewDigestWorker(
    IServiceScopeFactory scopes,
    IHubContext<AgentAssistHub, IAgentAssistClient> agentHub,
    IHubContext<SupportChatHub> supportHub,
    IProductCatalog catalog,
    ILogger<ReviewDigestWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(30));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await PublishDigestAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Review digest failed, retrying at the next tick");
            }
        }
    }

    private async Task PublishDigestAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var chat = scope.ServiceProvider.GetRequiredService<IChatClient>();

        var sections = new List<string>();
        string? topComplaint = null;
        foreach (var product in catalog.Search(string.Empty))
        {
            var reviews = catalog.RecentReviews(product.Sku);
            if (reviews.Count == 0)
            {
                continue;
            }
            var response = await chat.GetResponseAsync(
                $"Summarize these reviews of {product.Name} in one sentence and name any recurring complaint:\n" +
                string.Join("\n", reviews.Select(r => $"{r.Stars}/5: {r.Text}")),
                cancellationToken: ct);
            sections.Add($"{product.Name}: {response.Text}");
            if (reviews.Any(r => r.Stars <= 2))
            {
                topComplaint ??= response.Text;
            }
        }

        if (sections.Count == 0) return;

        await agentHub.Clients.Group(AgentAssistHub.AgentsGroup).DigestPublished(string.Join("\n", sections));
        if (topComplaint is not null)
        {
            await supportHub.Clients.All.SendAsync("known-issue", $"Heads-up from our team: {topComplaint}", ct);
        }
        logger.LogInformation("Published review digest with {Count} products", sections.Count);
    }
}
