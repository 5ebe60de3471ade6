using System.Net;
using System.Net.Http.Json;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using Polly;
using Polly.Retry;

namespace PeiFu.Claims.Notifications;

public sealed class NotificationOptions
{
    public const string Section = "Notifications";

    public string SmtpHost { get; set; } = "smtp.peifu.example";
    public int SmtpPort { get; set; } = 587;
    public string SmtpUser { get; set; } = "";
    public string SmtpPassword { get; set; } = "";
    public string FromAddress { get; set; } = "claims@peifu.example";
    public string FromName { get; set; } = "赔付通理赔服务";
    public string SmsGatewayUrl { get; set; } = "https://sms.internal.peifu.example/api/v1/send";
    public string SmsSignName { get; set; } = "赔付通";
    public string PushGatewayUrl { get; set; } = "https://push.internal.peifu.example/api/v1/notify";
}

public sealed record EmailAttachment(string FileName, string ContentType, byte[] Content);

public interface IEmailSender
{
    Task SendAsync(string to, string subject, string textBody, string? htmlBody, IReadOnlyList<EmailAttachment>? attachments, CancellationToken ct);
}

public interface ISmsSender
{
    Task<string> SendAsync(string mobile, string text, CancellationToken ct);
}

public interface IPushNotifier
{
    Task NotifyAsync(string pushToken, string title, string body, IReadOnlyDictionary<string, string>? data, CancellationToken ct);
}

public sealed class SmtpEmailSender(IOptions<NotificationOptions> options, ILogger<SmtpEmailSender> logger) : IEmailSender
{
    private readonly NotificationOptions _options = options.Value;

    public async Task SendAsync(string to, string subject, string textBody, string? htmlBody,
        IReadOnlyList<EmailAttachment>? attachments, CancellationToken ct)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(_options.FromName, _options.FromAddress));
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = subject;

        var builder = new BodyBuilder { TextBody = textBody, HtmlBody = htmlBody };
        foreach (var attachment in attachments ?? [])
        {
            builder.Attachments.Add(attachment.FileName, attachment.Content, ContentType.Parse(attachment.ContentType));
        }
        message.Body = builder.ToMessageBody();

        using var smtp = new SmtpClient();
        await smtp.ConnectAsync(_options.SmtpHost, _options.SmtpPort, SecureSocketOptions.StartTls, ct);
        if (!string.IsNullOrEmpty(_options.SmtpUser))
        {
            await smtp.AuthenticateAsync(_options.SmtpUser, _options.SmtpPassword, ct);
        }
        await smtp.SendAsync(message, ct);
        await smtp.DisconnectAsync(true, ct);
        logger.LogInformation("Sent mail '{Subject}'", subject);
    }
}

public sealed class GatewaySmsSender : ISmsSender
{
    private readonly HttpClient _http;
    private readonly NotificationOptions _options;
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;

    public GatewaySmsSender(HttpClient http, IOptions<NotificationOptions> options)
    {
        _http = http;
        _options = options.Value;
        _pipeline = new ResiliencePipelineBuilder<HttpResponseMessage>()
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = 2,
                Delay = TimeSpan.FromMilliseconds(500),
                ShouldHandle = new PredicateBuilder<HttpResponseMessage>()
                    .Handle<HttpRequestException>()
                    .HandleResult(r => r.StatusCode is HttpStatusCode.ServiceUnavailable or HttpStatusCode.TooManyRequests)
            })
            .AddTimeout(TimeSpan.FromSeconds(10))
            .Build();
    }

    public async Task<string> SendAsync(string mobile, string text, CancellationToken ct)
    {
        using var response = await _pipeline.ExecuteAsync(async token =>
            await _http.PostAsJsonAsync(_options.SmsGatewayUrl, new { mobile, sign = _options.SmsSignName, content = text }, token), ct);
        response.EnsureSuccessStatusCode();
        var receipt = await response.Content.ReadFromJsonAsync<SmsReceipt>(ct);
        return receipt?.MessageId ?? "";
    }

    private sealed record SmsReceipt(string MessageId, string Status);
}

public sealed class GatewayPushNotifier(HttpClient http, IOptions<NotificationOptions> options) : IPushNotifier
{
    public async Task NotifyAsync(string pushToken, string title, string body, IReadOnlyDictionary<string, string>? data, CancellationToken ct)
    {
        using var response = await http.PostAsJsonAsync(options.Value.PushGatewayUrl,
            new { token = pushToken, title, body, data = data ?? new Dictionary<string, string>() }, ct);
        response.EnsureSuccessStatusCode();
    }
}
