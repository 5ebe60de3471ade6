using System.Net;
using System.Text.Json;
using HuoPin.Live.Domain;
using HuoPin.Live.Hubs;
using HuoPin.Live.Infrastructure.Notifications;
using HuoPin.Live.Services;
using Marten;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace HuoPin.Live.Infrastructure.Messaging;

public sealed class RabbitMqOptions
{
    public string HostName { get; set; } = "localhost";
    public int Port { get; set; } = 5672;
    public string UserName { get; set; } = "guest";
    public string Password { get; set; } = "guest";
    public string VirtualHost { get; set; } = "/";
    public string CampaignQueue { get; set; } = "huopin.campaign.dispatch";
    public ushort PrefetchCount { get; set; } = 4;
}

/// <summary>One long-lived AMQP connection per process; channels are opened per use.</summary>
public sealed class RabbitMqConnectionProvider(IOptions<RabbitMqOptions> options) : IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private IConnection? _connection;

    public async Task<IConnection> GetAsync(CancellationToken ct)
    {
        if (_connection is { IsOpen: true })
        {
            return _connection;
        }

        await _gate.WaitAsync(ct);
        try
        {
            if (_connection is { IsOpen: true })
            {
                return _connection;
            }

            var o = options.Value;
            var factory = new ConnectionFactory
            {
                HostName = o.HostName,
                Port = o.Port,
                UserName = o.UserName,
                Password = o.Password,
                VirtualHost = o.VirtualHost,
                ClientProvidedName = "huopin-live",
                AutomaticRecoveryEnabled = true,
            };
            _connection = await factory.CreateConnectionAsync(ct);
            return _connection;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
        {
            await _connection.CloseAsync();
            _connection.Dispose();
        }
        _gate.Dispose();
    }
}

public interface ICampaignDispatchPublisher
{
    Task PublishAsync(CampaignDispatchMessage message, CancellationToken ct);
}

public sealed class RabbitCampaignDispatchPublisher(RabbitMqConnectionProvider connections, IOptions<RabbitMqOptions> options)
    : ICampaignDispatchPublisher
{
    public async Task PublishAsync(CampaignDispatchMessage message, CancellationToken ct)
    {
        var queue = options.Value.CampaignQueue;
        var connection = await connections.GetAsync(ct);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: ct);
        await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false, cancellationToken: ct);

        var properties = new BasicProperties
        {
            ContentType = "application/json",
            DeliveryMode = DeliveryModes.Persistent,
            MessageId = $"{message.CampaignId:N}-{message.RequestedAt.ToUnixTimeSeconds()}",
            Type = nameof(CampaignDispatchMessage),
        };

        await channel.BasicPublishAsync(string.Empty, queue, mandatory: false, properties,
            JsonSerializer.SerializeToUtf8Bytes(message), ct);
    }
}

/// <summary>Sends campaign e-mails and SMS for dispatch requests queued by the campaigns API and the scheduler.</summary>
public sealed class CampaignDispatchConsumer(
    RabbitMqConnectionProvider connections,
    IServiceScopeFactory scopes,
    IHubContext<LiveRoomHub> hub,
    IOptions<RabbitMqOptions> options,
    ILogger<CampaignDispatchConsumer> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var queue = options.Value.CampaignQueue;
        var connection = await connections.GetAsync(stoppingToken);
        var channel = await connection.CreateChannelAsync(cancellationToken: stoppingToken);
        await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false, cancellationToken: stoppingToken);
        await channel.BasicQosAsync(0, options.Value.PrefetchCount, global: false, stoppingToken);

        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += async (_, delivery) =>
        {
            try
            {
                var message = JsonSerializer.Deserialize<CampaignDispatchMessage>(delivery.Body.Span)
                    ?? throw new JsonException("empty dispatch message");
                await DispatchAsync(message, stoppingToken);
                await channel.BasicAckAsync(delivery.DeliveryTag, multiple: false, stoppingToken);
            }
            catch (JsonException ex)
            {
                logger.LogError(ex, "Dropping malformed dispatch message {DeliveryTag}", delivery.DeliveryTag);
                await channel.BasicRejectAsync(delivery.DeliveryTag, requeue: false, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Campaign dispatch failed, requeue={Requeue}", !delivery.Redelivered);
                await channel.BasicNackAsync(delivery.DeliveryTag, multiple: false, requeue: !delivery.Redelivered, stoppingToken);
            }
        };

        await channel.BasicConsumeAsync(queue, autoAck: false, consumer: consumer, cancellationToken: stoppingToken);

        try
        {
            await Task.Delay(Timeout.Infinite, stoppingToken);
        }
        catch (OperationCanceledException)
        {
        }
        finally
        {
            await channel.CloseAsync();
            channel.Dispose();
        }
    }

    private async Task DispatchAsync(CampaignDispatchMessage message, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var session = scope.ServiceProvider.GetRequiredService<IDocumentSession>();
        var email = scope.ServiceProvider.GetRequiredService<IEmailSender>();
        var sms = scope.ServiceProvider.GetRequiredService<ISmsSender>();
        var copy = scope.ServiceProvider.GetRequiredService<IMarketingCopyService>();

        var campaign = await session.LoadAsync<Campaign>(message.CampaignId, ct);
        if (campaign is null || campaign.Status == CampaignStatus.Sent)
        {
            logger.LogInformation("Campaign {CampaignId} missing or already sent", message.CampaignId);
            return;
        }

        var merchant = await session.LoadAsync<MerchantProfile>(campaign.MerchantId, ct);
        var shopName = merchant?.ShopName ?? "本店";

        campaign.Status = CampaignStatus.Sending;
        session.Store(campaign);
        await session.SaveChangesAsync(ct);

        int delivered = 0, failed = 0;
        foreach (var recipient in campaign.Recipients)
        {
            try
            {
                if (recipient.Email is not null && campaign.EmailHtml is not null)
                {
                    var html = campaign.EmailHtml;
                    if (campaign.PersonalizeGreeting)
                    {
                        var greeting = await copy.PersonalizeGreetingAsync(recipient.DisplayName, shopName, campaign.Goal, ct);
                        html = $"<p>{WebUtility.HtmlEncode(greeting)}</p>{html}";
                    }

                    await email.SendAsync(recipient.Email, campaign.EmailSubject ?? campaign.Name, html, StripTags(html), ct);
                }

                if (recipient.Phone is not null && campaign.SmsText is not null)
                {
                    await sms.SendAsync(recipient.Phone, campaign.SmsText, ct);
                }

                delivered++;
            }
            catch (DeliveryFailedException ex)
            {
                failed++;
                logger.LogWarning("Delivery to one recipient of {CampaignId} failed: {Reason}", campaign.Id, ex.Message);
            }
        }

        campaign.Status = failed > 0 && delivered == 0 ? CampaignStatus.Failed : CampaignStatus.Sent;
        campaign.SentAt = DateTimeOffset.UtcNow;
        campaign.DeliveredCount = delivered;
        campaign.FailedCount = failed;
        session.Store(campaign);
        await session.SaveChangesAsync(ct);

        await hub.Clients.Group(LiveRoomHub.MerchantGroup(campaign.MerchantId))
            .SendAsync("campaignStatus", new { campaignId = campaign.Id, status = campaign.Status.ToString(), delivered, failed }, ct);
    }

    private static string StripTags(string html) =>
        System.Text.RegularExpressions.Regex.Replace(html, "<[^>]+>", " ").Trim();
}
