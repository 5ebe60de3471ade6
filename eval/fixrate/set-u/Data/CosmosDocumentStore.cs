using System.Net;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Options;
using StarHarbor.LiveOps.Infrastructure;

namespace StarHarbor.LiveOps.Data;

public static class Containers
{
    public const string Players = "players";
    public const string Identity = "identity-records";
    public const string Quests = "quests";
    public const string Announcements = "announcements";
    public const string Posts = "posts";
    public const string FanArt = "fanart";
    public const string Mailbox = "mailbox";
    public const string Matches = "matches";
    public const string PushSubscriptions = "push-subscriptions";
    public const string Bounties = "bounties";
    public const string LiveEvents = "live-events";
    public const string GuideStats = "guide-stats";
    public const string GuideArticles = "guide-articles";
}

public interface IDocumentStore
{
    Task<T?> GetAsync<T>(string container, string id, string partitionKey, CancellationToken ct) where T : class;
    Task UpsertAsync<T>(string container, T document, string partitionKey, CancellationToken ct);
    Task<IReadOnlyList<T>> QueryAsync<T>(string container, QueryDefinition query, CancellationToken ct, int maxItems = 200);
    Task IncrementAsync(string container, string id, string partitionKey, string path, long by, CancellationToken ct);
    Task<bool> PingAsync(CancellationToken ct);
}

public sealed class CosmosDocumentStore(CosmosClient client, IOptions<CosmosOptions> options, ILogger<CosmosDocumentStore> logger)
    : IDocumentStore
{
    private readonly Database _db = client.GetDatabase(options.Value.Database);

    public async Task<T?> GetAsync<T>(string container, string id, string partitionKey, CancellationToken ct) where T : class
    {
        try
        {
            var response = await _db.GetContainer(container)
                .ReadItemAsync<T>(id, new PartitionKey(partitionKey), cancellationToken: ct);
            return response.Resource;
        }
        catch (CosmosException ex) when (ex.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public async Task UpsertAsync<T>(string container, T document, string partitionKey, CancellationToken ct)
    {
        var response = await _db.GetContainer(container)
            .UpsertItemAsync(document, new PartitionKey(partitionKey), cancellationToken: ct);
        if (response.RequestCharge > 50)
            logger.LogWarning("Upsert into {Container} cost {RU} RU", container, response.RequestCharge);
    }

    public async Task<IReadOnlyList<T>> QueryAsync<T>(string container, QueryDefinition query, CancellationToken ct, int maxItems = 200)
    {
        var results = new List<T>();
        using var iterator = _db.GetContainer(container)
            .GetItemQueryIterator<T>(query, requestOptions: new QueryRequestOptions { MaxItemCount = Math.Min(maxItems, 100) });
        while (iterator.HasMoreResults && results.Count < maxItems)
        {
            var page = await iterator.ReadNextAsync(ct);
            results.AddRange(page);
        }
        return results.Count > maxItems ? results.GetRange(0, maxItems) : results;
    }

    public async Task IncrementAsync(string container, string id, string partitionKey, string path, long by, CancellationToken ct)
    {
        await _db.GetContainer(container).PatchItemAsync<object>(
            id, new PartitionKey(partitionKey), [PatchOperation.Increment(path, by)], cancellationToken: ct);
    }

    public async Task<bool> PingAsync(CancellationToken ct)
    {
        try
        {
            await _db.ReadAsync(cancellationToken: ct);
            return true;
        }
        catch (CosmosException ex)
        {
            logger.LogWarning(ex, "Cosmos ping failed with {Status}", ex.StatusCode);
            return false;
        }
    }
}
