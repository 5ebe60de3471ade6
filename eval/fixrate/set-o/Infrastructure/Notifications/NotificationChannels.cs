using System.Net.Http.Json;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using Telegram.Bot;
using Telegram.Bot.Types.Enums;

namespace ZhengWuTong.Infrastructure.Notifications;

public sealed class SmsOptions
{
    public string GatewayUrl { get; set; } = "https://sms.gov-cloud.example.cn/api/v1/";
    public string AppId { get; set; } = string.Empty;
    public string AppSecret { get; set; } = string.Empty;
    public string SignName { get; set; } = "政务通";
}

public sealed class SmtpOptions
{
    public string Host { get; set; } = "smtp.city.gov.cn";
    public int Port { get; set; } = 465;
    public string User { get; set; } = string.Empty;
    public string Password { get; set; } = string.Empty;
    public string FromAddress { get; set; } = "noreply@zhengwutong.city.gov.cn";
    public string FromName { get; set; } = "政务通";
}

public sealed class TelegramOptions
{
    public string BotToken { get; set; } = string.Empty;
    public string NoticeChannelId { get; set; } = "@zwt_notices";
}

public interface ISmsGateway
{
    Task<string> SendAsync(string mobile, string text, CancellationToken ct = default);
}

public interface IMailDispatcher
{
    Task SendAsync(string toAddress, string toName, string subject, string body, CancellationToken ct = default);
    Task SendWithAttachmentAsync(string toAddress, string subject, string body, string fileName, byte[] content, string mediaType, CancellationToken ct = default);
}

public interface ITelegramBroadcaster
{
    Task PostToChannelAsync(string text, CancellationToken ct = default);
    Task SendToChatAsync(string chatId, string text, CancellationToken ct = default);
}

public sealed class SmsGateway(HttpClient http, IOptions<SmsOptions> options, ILogger<SmsGateway> logger) : ISmsGateway
{
    private readonly SmsOptions _o = options.Value;

    public async Task<string> SendAsync(string mobile, string text, CancellationToken ct = default)
    {
        http.BaseAddress ??= new Uri(_o.GatewayUrl);
        var request = new
        {
            appId = _o.AppId,
            secret = _o.AppSecret,
            sign = _o.SignName,
            phone = mobile,
            content = text
        };

        using var response = await http.PostAsJsonAsync("messages", request, ct);
        response.EnsureSuccessStatusCode();
        var ack = await response.Content.ReadFromJsonAsync<SmsAck>(cancellationToken: ct);
        logger.LogInformation("SMS accepted by gateway, bizId {BizId}", ack?.BizId);
        return ack?.BizId ?? string.Empty;
    }

    private sealed record SmsAck(string BizId, string Code);
}

public sealed class MailDispatcher(IOptions<SmtpOptions> options, ILogger<MailDispatcher> logger) : IMailDispatcher
{
    private readonly SmtpOptions _o = options.Value;

    public Task SendAsync(string toAddress, string toName, string subject, string body, CancellationToken ct = default)
    {
        var message = NewMessage(toAddress, toName, subject);
        message.Body = new TextPart("plain") { Text = body };
        return DeliverAsync(message, ct);
    }

    public Task SendWithAttachmentAsync(string toAddress, string subject, string body, string fileName, byte[] content,
        string mediaType, CancellationToken ct = default)
    {
        var message = NewMessage(toAddress, toAddress, subject);
        var builder = new BodyBuilder { TextBody = body };
        builder.Attachments.Add(fileName, content, ContentType.Parse(mediaType));
        message.Body = builder.ToMessageBody();
        return DeliverAsync(message, ct);
    }

    private MimeMessage NewMessage(string toAddress, string toName, string subject)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(_o.FromName, _o.FromAddress));
        message.To.Add(new MailboxAddress(toName, toAddress));
        message.Subject = subject;
        return message;
    }

    private async Task DeliverAsync(MimeMessage message, CancellationToken ct)
    {
        using var client = new SmtpClient();
        await client.ConnectAsync(_o.Host, _o.Port, SecureSocketOptions.SslOnConnect, ct);
        if (!string.IsNullOrEmpty(_o.User))
        {
            await client.AuthenticateAsync(_o.User, _o.Password, ct);
        }

        await client.SendAsync(message, ct);
        await client.DisconnectAsync(true, ct);
        logger.LogInformation("Mail {MessageId} delivered", message.MessageId);
    }
}

public sealed class TelegramBroadcaster : ITelegramBroadcaster
{
    private readonly TelegramBotClient _bot;
    private readonly TelegramOptions _o;

    public TelegramBroadcaster(HttpClient http, IOptions<TelegramOptions> options)
    {
        _o = options.Value;
        _bot = new TelegramBotClient(_o.BotToken, http);
    }

    public Task PostToChannelAsync(string text, CancellationToken ct = default) =>
        _bot.SendMessage(_o.NoticeChannelId, text, parseMode: ParseMode.None, cancellationToken: ct);

    public Task SendToChatAsync(string chatId, string text, CancellationToken ct = default) =>
        _bot.SendMessage(chatId, text, cancellationToken: ct);
}
