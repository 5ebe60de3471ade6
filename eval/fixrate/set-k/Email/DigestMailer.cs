using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace ListingAssistant.Email;

public sealed class SmtpOptions
{
    public const string Section = "Smtp";
    public string Host { get; set; } = "localhost";
    public int Port { get; set; } = 587;
    public bool UseStartTls { get; set; } = true;
    public string? Username { get; set; }
    public string? Password { get; set; }
    public string FromAddress { get; set; } = "digest@harbourrealty.example";
    public string FromName { get; set; } = "Harbour Realty Market Digest";
}

public sealed record DigestEmail(string ToAddress, string ToName, string Subject, string HtmlBody, string TextBody);

public interface IDigestMailer
{
    Task SendAsync(IReadOnlyCollection<DigestEmail> emails, CancellationToken ct = default);
}

public sealed class MailKitDigestMailer(IOptions<SmtpOptions> options, ILogger<MailKitDigestMailer> logger) : IDigestMailer
{
    private readonly SmtpOptions _options = options.Value;

    public async Task SendAsync(IReadOnlyCollection<DigestEmail> emails, CancellationToken ct = default)
    {
        if (emails.Count == 0)
        {
            return;
        }

        using var smtp = new SmtpClient();
        await smtp.ConnectAsync(_options.Host, _options.Port,
            _options.UseStartTls ? SecureSocketOptions.StartTls : SecureSocketOptions.Auto, ct);

        if (!string.IsNullOrEmpty(_options.Username))
        {
            await smtp.AuthenticateAsync(_options.Username, _options.Password ?? "", ct);
        }

        foreach (var email in emails)
        {
            var message = new MimeMessage();
            message.From.Add(new MailboxAddress(_options.FromName, _options.FromAddress));
            message.To.Add(new MailboxAddress(email.ToName, email.ToAddress));
            message.Subject = email.Subject;
            message.Body = new BodyBuilder { HtmlBody = email.HtmlBody, TextBody = email.TextBody }.ToMessageBody();

            try
            {
                await smtp.SendAsync(message, ct);
            }
            catch (SmtpCommandException ex)
            {
                logger.LogWarning(ex, "Could not deliver digest to {Address}", email.ToAddress);
            }
        }

        await smtp.DisconnectAsync(true, ct);
        logger.LogInformation("Sent {Count} digest e-mails", emails.Count);
    }
}
