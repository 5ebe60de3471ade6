using System.Net;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using Twilio.Clients;
using Twilio.Rest.Api.V2010.Account;
using Twilio.Types;

namespace ZhaoPinCopilot.Infrastructure;

public sealed class SmtpOptions
{
    public string Host { get; set; } = "smtp.exmail.qq.com";
    public int Port { get; set; } = 465;
    public bool UseSsl { get; set; } = true;
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public string FromAddress { get; set; } = "no-reply@zhaopin-copilot.cn";
    public string FromName { get; set; } = "招聘助手 ZhaoPin Copilot";
}

public sealed class TwilioOptions
{
    public string AccountSid { get; set; } = "";
    public string AuthToken { get; set; } = "";
    public string FromNumber { get; set; } = "";
}

public interface IEmailSender
{
    Task SendAsync(string toAddress, string toName, string subject, string textBody, CancellationToken ct = default);
}

public interface ISmsSender
{
    Task<string> SendAsync(string mobile, string body, CancellationToken ct = default);
}

public sealed class MailKitEmailSender(IOptions<SmtpOptions> options, ILogger<MailKitEmailSender> logger) : IEmailSender
{
    private readonly SmtpOptions _options = options.Value;

    public async Task SendAsync(string toAddress, string toName, string subject, string textBody, CancellationToken ct = default)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(_options.FromName, _options.FromAddress));
        message.To.Add(new MailboxAddress(toName, toAddress));
        message.Subject = subject;
        message.Body = new BodyBuilder
        {
            TextBody = textBody,
            HtmlBody = "<div style=\"font-family:sans-serif;white-space:pre-wrap\">" + WebUtility.HtmlEncode(textBody) + "</div>",
        }.ToMessageBody();

        using var client = new SmtpClient();
        var security = _options.UseSsl ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTlsWhenAvailable;
        await client.ConnectAsync(_options.Host, _options.Port, security, ct);
        if (!string.IsNullOrEmpty(_options.UserName))
        {
            await client.AuthenticateAsync(_options.UserName, _options.Password ?? string.Empty, ct);
        }

        await client.SendAsync(message, ct);
        await client.DisconnectAsync(true, ct);
        logger.LogInformation("Sent mail \"{Subject}\"", subject);
    }
}

public sealed class TwilioSmsSender(ITwilioRestClient client, IOptions<TwilioOptions> options, ILogger<TwilioSmsSender> logger) : ISmsSender
{
    public async Task<string> SendAsync(string mobile, string body, CancellationToken ct = default)
    {
        var to = mobile.StartsWith('+') ? mobile : "+86" + mobile;
        var message = await MessageResource.CreateAsync(new CreateMessageOptions(new PhoneNumber(to))
        {
            From = new PhoneNumber(options.Value.FromNumber),
            Body = body,
        }, client);

        logger.LogInformation("SMS {Sid} queued with status {Status}", message.Sid, message.Status);
        return message.Sid;
    }
}
