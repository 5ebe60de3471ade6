using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using SendGrid;
using SendGrid.Helpers.Mail;

namespace ShopCopilot.Services;

public interface IMailOutbox
{
    Task<bool> SendCampaignAsync(IReadOnlyList<string> recipients, string subject, string html, string plain, CancellationToken ct);
    Task SendOperationalAsync(string to, string subject, string body, CancellationToken ct);
}

public sealed class MailOutbox(ISendGridClient sendGrid, IConfiguration configuration, ILogger<MailOutbox> logger) : IMailOutbox
{
    private readonly EmailAddress _from = new(configuration["Mail:From"] ?? "deals@shopcopilot.example", configuration["Mail:FromName"] ?? "ShopCopilot Deals");

    public async Task<bool> SendCampaignAsync(IReadOnlyList<string> recipients, string subject, string html, string plain, CancellationToken ct)
    {
        var message = MailHelper.CreateSingleEmailToMultipleRecipients(
            _from, recipients.Select(r => new EmailAddress(r)).ToList(), subject, plain, html, showAllRecipients: false);
        message.SetClickTracking(true, true);

        var response = await sendGrid.SendEmailAsync(message, ct);
        if (!response.IsSuccessStatusCode)
        {
            logger.LogWarning("SendGrid rejected campaign mail: {Status}", response.StatusCode);
        }

        return response.IsSuccessStatusCode;
    }

    public async Task SendOperationalAsync(string to, string subject, string body, CancellationToken ct)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress("ShopCopilot", configuration["Mail:From"] ?? "noreply@shopcopilot.example"));
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = subject;
        message.Body = new BodyBuilder { TextBody = body, HtmlBody = $"<pre>{System.Net.WebUtility.HtmlEncode(body)}</pre>" }.ToMessageBody();

        using var smtp = new SmtpClient();
        await smtp.ConnectAsync(configuration["Mail:SmtpHost"] ?? "smtp.exmail.qq.com", 465, SecureSocketOptions.SslOnConnect, ct);
        await smtp.AuthenticateAsync(configuration["Mail:SmtpUser"] ?? "", configuration["Mail:SmtpPassword"] ?? "", ct);
        await smtp.SendAsync(message, ct);
        await smtp.DisconnectAsync(true, ct);
    }
}
