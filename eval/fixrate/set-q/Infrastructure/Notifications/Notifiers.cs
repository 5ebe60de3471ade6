using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using Twilio;
using Twilio.Rest.Api.V2010.Account;
using Twilio.Types;
using XueBa.Coach.Configuration;

namespace XueBa.Coach.Infrastructure.Notifications;

public interface IEmailSender
{
    Task SendAsync(string toAddress, string toName, string subject, string htmlBody, string textBody, CancellationToken ct = default);
}

public interface ISmsSender
{
    Task<string> SendAsync(string mobile, string body, CancellationToken ct = default);
}

public sealed class SmtpEmailSender(IOptions<NotificationOptions> options, ILogger<SmtpEmailSender> logger) : IEmailSender
{
    private readonly SmtpOptions _smtp = options.Value.Smtp;

    public async Task SendAsync(string toAddress, string toName, string subject, string htmlBody, string textBody, CancellationToken ct = default)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(_smtp.FromName, _smtp.FromAddress));
        message.To.Add(new MailboxAddress(toName, toAddress));
        message.Subject = subject;
        message.Body = new BodyBuilder { HtmlBody = htmlBody, TextBody = textBody }.ToMessageBody();

        using var client = new SmtpClient();
        await client.ConnectAsync(_smtp.Host, _smtp.Port, _smtp.UseSsl ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTlsWhenAvailable, ct);
        if (!string.IsNullOrEmpty(_smtp.User))
        {
            await client.AuthenticateAsync(_smtp.User, _smtp.Password, ct);
        }
        await client.SendAsync(message, ct);
        await client.DisconnectAsync(true, ct);
        logger.LogInformation("Mail '{Subject}' sent", subject);
    }
}

public sealed class TwilioSmsSender : ISmsSender
{
    private readonly TwilioOptions _options;
    private readonly ILogger<TwilioSmsSender> _logger;

    public TwilioSmsSender(IOptions<NotificationOptions> options, ILogger<TwilioSmsSender> logger)
    {
        _options = options.Value.Twilio;
        _logger = logger;
        TwilioClient.Init(_options.AccountSid, _options.AuthToken);
    }

    public async Task<string> SendAsync(string mobile, string body, CancellationToken ct = default)
    {
        var to = mobile.StartsWith('+') ? mobile : "+86" + mobile;
        var message = await MessageResource.CreateAsync(
            to: new PhoneNumber(to),
            from: new PhoneNumber(_options.FromNumber),
            body: body.Length > 320 ? body[..320] : body);
        _logger.LogInformation("SMS queued {Sid} status {Status}", message.Sid, message.Status);
        return message.Sid;
    }
}
