using System.Net;
using System.Text.Json;
using Lib.Net.Http.WebPush;
using Lib.Net.Http.WebPush.Authentication;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Options;
using MimeKit;
using StarHarbor.LiveOps.Data;
using StarHarbor.LiveOps.Infrastructure;
using StarHarbor.LiveOps.Models;

namespace StarHarbor.LiveOps.Notifications;

public sealed record OutgoingMail(string ToAddress, string ToName, string Subject, string HtmlBody, string TextBody, string? Category = null);

public interface IMailDispatcher
{
    Task SendAsync(OutgoingMail mail, CancellationToken ct);
    Task SendBatchAsync(IEnumerable<OutgoingMail> mails, CancellationToken ct);
}

public sealed class SmtpMailDispatcher(IOptions<SmtpOptions> options, ILogger<SmtpMailDispatcher> logger) : IMailDispatcher
{
    public async Task SendAsync(OutgoingMail mail, CancellationToken ct) => await SendBatchAsync([mail], ct);

    public async Task SendBatchAsync(IEnumerable<OutgoingMail> mails, CancellationToken ct)
    {
        var o = options.Value;
        using var smtp = new SmtpClient();
        await smtp.ConnectAsync(o.Host, o.Port, SecureSocketOptions.StartTls, ct);
        if (!string.IsNullOrEmpty(o.UserName))
            await smtp.AuthenticateAsync(o.UserName, o.Password, ct);

        var sent = 0;
        foreach (var mail in mails)
        {
            var message = new MimeMessage();
            message.From.Add(new MailboxAddress(o.FromName, o.FromAddress));
            message.To.Add(new MailboxAddress(mail.ToName, mail.ToAddress));
            message.Subject = mail.Subject;
            if (mail.Category is not null)
                message.Headers.Add("X-StarHarbor-Category", mail.Category);
            message.Headers.Add("List-Unsubscribe", "<https://community.starharbor.example.cn/settings/notifications>");

            var body = new BodyBuilder { HtmlBody = mail.HtmlBody, TextBody = mail.TextBody };
            message.Body = body.ToMessageBody();

            try
            {
                await smtp.SendAsync(message, ct);
                sent++;
            }
            catch (SmtpCommandException ex)
            {
                logger.LogWarning(ex, "SMTP rejected a {Category} mail: {Status}", mail.Category, ex.StatusCode);
            }
        }

        await smtp.DisconnectAsync(true, ct);
        logger.LogInformation("Sent {Count} mails", sent);
    }
}

public sealed record PushPayload(string Title, string Body, string Url, string Tag, string? Icon = null);

public interface IPushDispatcher
{
    Task<int> SendToPlayerAsync(string playerId, PushPayload payload, CancellationToken ct);
    Task<int> SendToRegionAsync(string region, PushPayload payload, CancellationToken ct);
}

public sealed class WebPushDispatcher : IPushDispatcher
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly PushServiceClient _client;
    private readonly IDocumentStore _store;
    private readonly ILogger<WebPushDispatcher> _logger;

    public WebPushDispatcher(HttpClient http, IOptions<VapidOptions> vapid, IDocumentStore store, ILogger<WebPushDispatcher> logger)
    {
        _client = new PushServiceClient(http)
        {
            DefaultAuthentication = new VapidAuthentication(vapid.Value.PublicKey, vapid.Value.PrivateKey)
            {
                Subject = vapid.Value.Subject,
            },
            AutoRetryAfter = true,
            MaxRetriesAfter = 2,
        };
        _store = store;
        _logger = logger;
    }

    public async Task<int> SendToPlayerAsync(string playerId, PushPayload payload, CancellationToken ct)
    {
        var subs = await _store.QueryAsync<PushSubscriptionDoc>(Containers.PushSubscriptions,
            new QueryDefinition("SELECT * FROM c WHERE c.playerId = @p").WithParameter("@p", playerId), ct, 10);
        return await DeliverAsync(subs, payload, ct);
    }

    public async Task<int> SendToRegionAsync(string region, PushPayload payload, CancellationToken ct)
    {
        var subs = await _store.QueryAsync<PushSubscriptionDoc>(Containers.PushSubscriptions,
            new QueryDefinition("SELECT * FROM c WHERE c.region = @r").WithParameter("@r", region), ct, 50_000);
        return await DeliverAsync(subs, payload, ct);
    }

    private async Task<int> DeliverAsync(IReadOnlyList<PushSubscriptionDoc> subscriptions, PushPayload payload, CancellationToken ct)
    {
        var message = new PushMessage(JsonSerializer.Serialize(payload, Json))
        {
            Topic = payload.Tag.Length <= 32 ? payload.Tag : payload.Tag[..32],
            TimeToLive = 6 * 3600,
            Urgency = PushMessageUrgency.Normal,
        };

        var delivered = 0;
        foreach (var doc in subscriptions)
        {
            var subscription = new PushSubscription { Endpoint = doc.Endpoint };
            subscription.SetKey(PushEncryptionKeyName.P256DH, doc.P256dh);
            subscription.SetKey(PushEncryptionKeyName.Auth, doc.Auth);
            try
            {
                await _client.RequestPushMessageDeliveryAsync(subscription, message, ct);
                delivered++;
            }
            catch (PushServiceClientException ex) when (ex.StatusCode is HttpStatusCode.Gone or HttpStatusCode.NotFound)
            {
                _logger.LogInformation("Push subscription {Id} expired", doc.Id);
            }
        }
        return delivered;
    }
}
