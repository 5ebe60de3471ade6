using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ClipForge.Configuration;
using ClipForge.Domain;
using Lib.Net.Http.WebPush;
using Lib.Net.Http.WebPush.Authentication;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace ClipForge.Notifications;

public interface IEmailSender
{
    Task SendAsync(string to, string subject, string textBody, string? htmlBody, CancellationToken ct);
}

public interface IWebPushSender
{
    Task SendAsync(IEnumerable<PushEndpoint> endpoints, string title, string body, string? url, CancellationToken ct);
}

public interface ISmsSender
{
    Task SendAsync(string phone, string templateCode, IReadOnlyDictionary<string, string> parameters, CancellationToken ct);
}

/// <summary>Publishes posts and comment replies through the platform gateway (Douyin/Kuaishou/XHS open APIs behind one facade).</summary>
public interface IPlatformPublisher
{
    Task<string> PublishPostAsync(string platform, string ownerId, string caption, string? coverUrl, CancellationToken ct);
    Task<string> ReplyToCommentAsync(string platform, string ownerId, string commentId, string text, CancellationToken ct);
}

internal sealed class MailKitEmailSender(IOptions<NotificationOptions> options, ILogger<MailKitEmailSender> logger) : IEmailSender
{
    private readonly SmtpOptions _smtp = options.Value.Smtp;

    public async Task SendAsync(string to, string subject, string textBody, string? htmlBody, CancellationToken ct)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(_smtp.FromName, _smtp.FromAddress));
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = subject;
        message.Body = new BodyBuilder { TextBody = textBody, HtmlBody = htmlBody }.ToMessageBody();

        using var client = new SmtpClient();
        await client.ConnectAsync(_smtp.Host, _smtp.Port, _smtp.UseSsl ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTlsWhenAvailable, ct);
        if (!string.IsNullOrEmpty(_smtp.Username))
        {
            await client.AuthenticateAsync(_smtp.Username, _smtp.Password, ct);
        }
        await client.SendAsync(message, ct);
        await client.DisconnectAsync(true, ct);
        logger.LogInformation("Mail '{Subject}' sent", subject);
    }
}

internal sealed class VapidWebPushSender : IWebPushSender
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly PushServiceClient _client;
    private readonly ILogger<VapidWebPushSender> _logger;

    public VapidWebPushSender(HttpClient httpClient, IOptions<NotificationOptions> options, ILogger<VapidWebPushSender> logger)
    {
        var push = options.Value.WebPush;
        _logger = logger;
        _client = new PushServiceClient(httpClient)
        {
            DefaultAuthentication = new VapidAuthentication(push.PublicKey, push.PrivateKey) { Subject = push.Subject },
            DefaultTimeToLive = (int)TimeSpan.FromHours(12).TotalSeconds
        };
    }

    public async Task SendAsync(IEnumerable<PushEndpoint> endpoints, string title, string body, string? url, CancellationToken ct)
    {
        var payload = JsonSerializer.Serialize(new { title, body, url }, Json);
        foreach (var endpoint in endpoints)
        {
            var subscription = new PushSubscription { Endpoint = endpoint.Endpoint };
            subscription.SetKey(PushEncryptionKeyName.P256DH, endpoint.P256dh);
            subscription.SetKey(PushEncryptionKeyName.Auth, endpoint.Auth);
            try
            {
                await _client.RequestPushMessageDeliveryAsync(subscription, new PushMessage(payload) { Urgency = PushMessageUrgency.Normal }, ct);
            }
            catch (PushServiceClientException ex) when (ex.StatusCode is HttpStatusCode.Gone or HttpStatusCode.NotFound)
            {
                _logger.LogInformation("Push endpoint expired ({Status})", ex.StatusCode);
            }
        }
    }
}

internal sealed class GatewaySmsSender(HttpClient http, IOptions<NotificationOptions> options) : ISmsSender
{
    public async Task SendAsync(string phone, string templateCode, IReadOnlyDictionary<string, string> parameters, CancellationToken ct)
    {
        var sms = options.Value.Sms;
        using var request = new HttpRequestMessage(HttpMethod.Post, sms.GatewayUrl)
        {
            Content = JsonContent.Create(new { phone, signName = sms.SignName, templateCode, templateParam = parameters })
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", sms.ApiKey);
        using var response = await http.SendAsync(request, ct);
        response.EnsureSuccessStatusCode();
    }
}

internal sealed class GatewayPlatformPublisher(HttpClient http) : IPlatformPublisher
{
    public async Task<string> PublishPostAsync(string platform, string ownerId, string caption, string? coverUrl, CancellationToken ct)
    {
        using var response = await http.PostAsJsonAsync($"v1/{platform}/posts", new { creator = ownerId, caption, coverUrl }, ct);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<GatewayResult>(ct);
        return body?.Id ?? throw new InvalidOperationException("Gateway returned no post id.");
    }

    public async Task<string> ReplyToCommentAsync(string platform, string ownerId, string commentId, string text, CancellationToken ct)
    {
        using var response = await http.PostAsJsonAsync($"v1/{platform}/comments/{Uri.EscapeDataString(commentId)}/replies",
            new { creator = ownerId, text }, ct);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<GatewayResult>(ct);
        return body?.Id ?? string.Empty;
    }

    private sealed record GatewayResult(string Id);
}
