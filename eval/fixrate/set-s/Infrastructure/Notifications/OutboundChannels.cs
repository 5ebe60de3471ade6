using System.Net.Http.Json;
using Microsoft.Extensions.Options;
using SendGrid;
using SendGrid.Helpers.Mail;

namespace HuoPin.Live.Infrastructure.Notifications;

public sealed class EmailOptions
{
    public string ApiKey { get; set; } = "";
    public string FromAddress { get; set; } = "noreply@huopin.live";
    public string FromName { get; set; } = "货品直播助手";
}

public sealed class SmsOptions
{
    public string GatewayUrl { get; set; } = "";
    public string SignName { get; set; } = "货品直播";
    public string TemplateCode { get; set; } = "SMS_MARKETING_FREE";
}

public sealed class PushOptions
{
    public string GatewayUrl { get; set; } = "";
    public string AppKey { get; set; } = "";
}

public sealed class DeliveryFailedException(string channel, string detail) : Exception($"{channel} delivery failed: {detail}");

public interface IEmailSender
{
    Task SendAsync(string to, string subject, string html, string plainText, CancellationToken ct);
}

public interface ISmsSender
{
    Task SendAsync(string phone, string text, CancellationToken ct);
}

public interface IPushSender
{
    Task PushAsync(string deviceToken, string title, string body, IReadOnlyDictionary<string, string>? data, CancellationToken ct);
}

public sealed class SendGridEmailSender(ISendGridClient client, IOptions<EmailOptions> options, ILogger<SendGridEmailSender> logger) : IEmailSender
{
    public async Task SendAsync(string to, string subject, string html, string plainText, CancellationToken ct)
    {
        var from = new EmailAddress(options.Value.FromAddress, options.Value.FromName);
        var message = MailHelper.CreateSingleEmail(from, new EmailAddress(to), subject, plainText, html);
        message.SetClickTracking(false, false);

        var response = await client.SendEmailAsync(message, ct);
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Body.ReadAsStringAsync(ct);
            logger.LogWarning("SendGrid answered {Status}", (int)response.StatusCode);
            throw new DeliveryFailedException("email", $"{(int)response.StatusCode} {body}");
        }
    }
}

/// <summary>Posts marketing SMS to the carrier gateway (Aliyun SMS behind our gateway service).</summary>
public sealed class GatewaySmsSender(HttpClient http, IOptions<SmsOptions> options) : ISmsSender
{
    public async Task SendAsync(string phone, string text, CancellationToken ct)
    {
        using var response = await http.PostAsJsonAsync(options.Value.GatewayUrl, new
        {
            phoneNumbers = phone,
            signName = options.Value.SignName,
            templateCode = options.Value.TemplateCode,
            content = text,
        }, ct);

        if (!response.IsSuccessStatusCode)
        {
            throw new DeliveryFailedException("sms", ((int)response.StatusCode).ToString());
        }
    }
}

public sealed class GatewayPushSender(HttpClient http, IOptions<PushOptions> options) : IPushSender
{
    public async Task PushAsync(string deviceToken, string title, string body, IReadOnlyDictionary<string, string>? data, CancellationToken ct)
    {
        using var response = await http.PostAsJsonAsync(options.Value.GatewayUrl, new
        {
            appKey = options.Value.AppKey,
            audience = new { registrationId = new[] { deviceToken } },
            notification = new { alert = body, title },
            extras = data ?? new Dictionary<string, string>(),
        }, ct);

        if (!response.IsSuccessStatusCode)
        {
            throw new DeliveryFailedException("push", ((int)response.StatusCode).ToString());
        }
    }
}
