using System.Net.Mail;
using LumenMarket.Models;
using Microsoft.Extensions.AI;

namespace LumenMarket.Notifications;

/// <summary>Writes and sends the apology e-mail when the warehouse reports a delayed order.</summary>
public sealed class OrderDelayNotifier(IChatClient chat, IConfiguration configuration, ILogger<OrderDelayNotifier> logger)
{
    public async Task<string> NotifyAsync(OrderDelayNotice notice, CancellationToken ct)
    {
        var response = await chat.GetResponseAsync(
            $"Write a short, warm apology to {notice.CustomerName} because order {notice.OrderNumber} is delayed. " +
            $"Reason: {notice.Reason}. Mention the 10% voucher below. No greeting and no signature.",
            cancellationToken: ct);

        var body = $"""
            Dear {notice.CustomerName},

            {response.Text.Trim()}

            Your voucher code: SORRY10-{notice.OrderNumber}

            Kind regards,
            The Lumen Market customer care team
            """;

        using var message = new MailMessage(configuration["Mail:From"] ?? "care@lumen-market.example",
            notice.CustomerEmail, $"About your order {notice.OrderNumber}", body);
        using var smtp = new SmtpClient(configuration["Mail:Host"] ?? "localhost", configuration.GetValue("Mail:Port", 25));
        await smtp.SendMailAsync(message, ct);

        logger.LogInformation("Delay notice sent for order {OrderNumber}", notice.OrderNumber);
        return body;
    }
}
