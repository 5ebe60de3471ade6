using System.Text.Json;
using Azure.Messaging.ServiceBus;
using Microsoft.Extensions.Options;
using StarHarbor.LiveOps.Infrastructure;

namespace StarHarbor.LiveOps.Messaging;

/// <summary>Shown by the game servers as the in-game banner / 系统公告 ticker.</summary>
public sealed record BannerMessage(string Id, string Region, string Kind, string Headline, string Body, DateTimeOffset ShowFrom);

public sealed record MaintenanceBanner(string Region, string Message, DateTimeOffset StartsAt, DateTimeOffset EndsAt);

public interface IBannerBroadcaster
{
    Task SendAnnouncementAsync(BannerMessage banner, CancellationToken ct);
    Task SendMaintenanceAsync(MaintenanceBanner banner, CancellationToken ct);
}

public sealed class ServiceBusBannerBroadcaster : IBannerBroadcaster, IAsyncDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly ServiceBusSender _sender;
    private readonly ILogger<ServiceBusBannerBroadcaster> _logger;

    public ServiceBusBannerBroadcaster(ServiceBusClient client, IOptions<ServiceBusOptions> options, ILogger<ServiceBusBannerBroadcaster> logger)
    {
        _sender = client.CreateSender(options.Value.BannerTopic);
        _logger = logger;
    }

    public async Task SendAnnouncementAsync(BannerMessage banner, CancellationToken ct)
    {
        var message = new ServiceBusMessage(BinaryData.FromObjectAsJson(banner, Json))
        {
            ContentType = "application/json",
            Subject = "announcement",
            MessageId = banner.Id,
            TimeToLive = TimeSpan.FromDays(7),
        };
        message.ApplicationProperties["region"] = banner.Region;
        message.ApplicationProperties["kind"] = banner.Kind;
        if (banner.ShowFrom > DateTimeOffset.UtcNow.AddMinutes(1))
            message.ScheduledEnqueueTime = banner.ShowFrom;

        await _sender.SendMessageAsync(message, ct);
        _logger.LogInformation("Banner {Id} queued for {Region}", banner.Id, banner.Region);
    }

    public async Task SendMaintenanceAsync(MaintenanceBanner banner, CancellationToken ct)
    {
        var message = new ServiceBusMessage(BinaryData.FromObjectAsJson(banner, Json))
        {
            ContentType = "application/json",
            Subject = "maintenance",
            MessageId = $"maint-{banner.Region}-{banner.StartsAt:yyyyMMddHHmm}",
            TimeToLive = banner.EndsAt - DateTimeOffset.UtcNow,
        };
        message.ApplicationProperties["region"] = banner.Region;
        await _sender.SendMessageAsync(message, ct);
    }

    public ValueTask DisposeAsync() => _sender.DisposeAsync();
}
