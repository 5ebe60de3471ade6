using System.Net.Http.Json;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace CareMessenger.Services;

public sealed class MessagingOptions
{
    public const string Section = "Messaging";
    public string SmsGateway { get; set; } = "https://sms.caremessenger.internal/";
    public string SmsSignName { get; set; } = "康信诊所";
    public string SmtpHost { get; set; } = "smtp.exmail.qq.com";
    public int SmtpPort { get; set; } = 465;
    public string SmtpUser { get; set; } = "";
    public string SmtpPassword { get; set; } = "";
    public string FromAddress { get; set; } = "noreply@kangxin-clinic.cn";
    public string FromName { get; set; } = "康信诊所";
}

public sealed record SmsReceipt(string MessageId, string Status);

public interface ISmsSender
{
    Task<SmsReceipt> SendAsync(string mobile, string text, CancellationToken ct);
}

public interface IEmailSender
{
    Task SendAsync(string to, string subject, string html, string? plainText, CancellationToken ct);
    Task SendWithAttachmentAsync(string to, string subject, string html, string fileName, byte[] content, string contentType, CancellationToken ct);
}

public sealed class GatewaySmsSender(HttpClient http, IOptions<MessagingOptions> options, ILogger<GatewaySmsSender> logger) : ISmsSender
{
    private sealed record SendSmsBody(string Mobile, string SignName, string Content);

    public async Task<SmsReceipt> SendAsync(string mobile, string text, CancellationToken ct)
    {
        using var response = await http.PostAsJsonAsync("v1/messages",
            new SendSmsBody(mobile, options.Value.SmsSignName, text), ct);
        response.EnsureSuccessStatusCode();
        var receipt = await response.Content.ReadFromJsonAsync<SmsReceipt>(ct) ?? new SmsReceipt("", "unknown");
        logger.LogInformation("SMS accepted by gateway: {MessageId} {Status}", receipt.MessageId, receipt.Status);
        return receipt;
    }
}

public sealed class MailKitEmailSender(IOptions<MessagingOptions> options) : IEmailSender
{
    public Task SendAsync(string to, string subject, string html, string? plainText, CancellationToken ct)
    {
        var body = new BodyBuilder { HtmlBody = html, TextBody = plainText };
        return DeliverAsync(to, subject, body, ct);
    }

    public Task SendWithAttachmentAsync(string to, string subject, string html, string fileName, byte[] content, string contentType, CancellationToken ct)
    {
        var body = new BodyBuilder { HtmlBody = html };
        body.Attachments.Add(fileName, content, ContentType.Parse(contentType));
        return DeliverAsync(to, subject, body, ct);
    }

    private async Task DeliverAsync(string to, string subject, BodyBuilder body, CancellationToken ct)
    {
        var o = options.Value;
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(o.FromName, o.FromAddress));
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = subject;
        message.Body = body.ToMessageBody();

        using var smtp = new SmtpClient();
        await smtp.ConnectAsync(o.SmtpHost, o.SmtpPort, SecureSocketOptions.SslOnConnect, ct);
        if (!string.IsNullOrEmpty(o.SmtpUser))
        {
            await smtp.AuthenticateAsync(o.SmtpUser, o.SmtpPassword, ct);
        }
        await smtp.SendAsync(message, ct);
        await smtp.DisconnectAsync(true, ct);
    }
}
