using System.Text.Json;
using ClipForge.Hubs;
using Microsoft.AspNetCore.SignalR;
using StackExchange.Redis;

namespace ClipForge.Infrastructure;

public interface IGenerationCache
{
    Task<T?> GetAsync<T>(string key, CancellationToken ct) where T : class;
    Task SetAsync<T>(string key, T value, TimeSpan ttl, CancellationToken ct) where T : class;
    Task RemoveAsync(string key, CancellationToken ct);
}

/// <summary>Cross-node notifications: any node publishes, every node relays to its own SignalR connections.</summary>
public interface IStudioNotifier
{
    Task NotifyAsync(string userId, string eventName, object payload, CancellationToken ct);
}

public sealed record StudioNotification(string UserId, string EventName, JsonElement Payload);

internal sealed class RedisGenerationCache(IConnectionMultiplexer redis) : IGenerationCache
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<T?> GetAsync<T>(string key, CancellationToken ct) where T : class
    {
        var value = await redis.GetDatabase().StringGetAsync(Prefix(key));
        return value.IsNullOrEmpty ? null : JsonSerializer.Deserialize<T>(value.ToString(), Json);
    }

    public Task SetAsync<T>(string key, T value, TimeSpan ttl, CancellationToken ct) where T : class =>
        redis.GetDatabase().StringSetAsync(Prefix(key), JsonSerializer.Serialize(value, Json), ttl);

    public Task RemoveAsync(string key, CancellationToken ct) => redis.GetDatabase().KeyDeleteAsync(Prefix(key));

    private static RedisKey Prefix(string key) => "clipforge:cache:" + key;
}

internal sealed class RedisStudioNotifier(IConnectionMultiplexer redis) : IStudioNotifier
{
    public const string Channel = "clipforge:studio-events";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task NotifyAsync(string userId, string eventName, object payload, CancellationToken ct)
    {
        var message = new StudioNotification(userId, eventName, JsonSerializer.SerializeToElement(payload, Json));
        await redis.GetSubscriber().PublishAsync(RedisChannel.Literal(Channel), JsonSerializer.Serialize(message, Json));
    }
}

/// <summary>Subscribes to the studio channel and forwards each event to the user's SignalR connections.</summary>
internal sealed class RedisNotificationRelay(
    IConnectionMultiplexer redis,
    IHubContext<StudioHub> hub,
    ILogger<RedisNotificationRelay> logger) : BackgroundService
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var subscriber = redis.GetSubscriber();
        var queue = await subscriber.SubscribeAsync(RedisChannel.Literal(RedisStudioNotifier.Channel));

        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var message = await queue.ReadAsync(stoppingToken);
                StudioNotification? notification;
                try
                {
                    notification = JsonSerializer.Deserialize<StudioNotification>(message.Message.ToString(), Json);
                }
                catch (JsonException ex)
                {
                    logger.LogWarning(ex, "Dropping malformed studio notification");
                    continue;
                }

                if (notification is null)
                {
                    continue;
                }

                await hub.Clients.User(notification.UserId)
                    .SendAsync(notification.EventName, notification.Payload, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            await queue.UnsubscribeAsync();
        }
    }
}
