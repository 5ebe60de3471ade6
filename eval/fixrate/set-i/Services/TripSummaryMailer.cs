using System.Globalization;
using System.Net;
using System.Net.Mail;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;
using TripPal.Data;
using TripPal.Models;
using TripPal.Options;

namespace TripPal.Services;

public interface ITripSummaryMailer
{
    Task<string> SendAsync(Booking booking, CustomerProfile customer, TripSummaryEmailRequest request, CancellationToken cancellationToken);
}

public sealed class TripSummaryMailer(Kernel kernel, IOptions<SmtpSettings> smtpOptions, ILogger<TripSummaryMailer> logger) : ITripSummaryMailer
{
    private const string SummaryPrompt = """
        Write a warm, short trip summary e-mail body for {{$name}}, who stays at {{$hotel}} in {{$destination}}
        for {{$nights}} nights from {{$checkIn}}. Mention two things to look forward to and one practical reminder.
        Something they asked us to keep in mind: {{$note}}
        {{$packing}}
        """;

    public async Task<string> SendAsync(Booking booking, CustomerProfile customer, TripSummaryEmailRequest request, CancellationToken cancellationToken)
    {
        var arguments = new KernelArguments
        {
            ["name"] = customer.FullName,
            ["hotel"] = booking.HotelName,
            ["destination"] = booking.DestinationSlug,
            ["nights"] = booking.CheckOut.DayNumber - booking.CheckIn.DayNumber,
            ["checkIn"] = booking.CheckIn.ToString("dddd d MMMM yyyy", CultureInfo.InvariantCulture),
            ["note"] = request.PersonalNote ?? "nothing in particular",
            ["packing"] = request.IncludePackingList ? "Finish with a packing list of at most six items." : string.Empty,
        };
        var result = await kernel.InvokePromptAsync(SummaryPrompt, arguments, cancellationToken: cancellationToken);

        var body = new StringBuilder(result.GetValue<string>()?.Trim() ?? string.Empty).AppendLine().AppendLine();
        body.AppendLine($"Reference: {booking.Id.ToString()[..8].ToUpperInvariant()}");
        body.AppendLine($"Dates:     {booking.CheckIn:yyyy-MM-dd} to {booking.CheckOut:yyyy-MM-dd}");
        body.AppendLine($"Total:     {booking.TotalPrice.ToString("N2", CultureInfo.InvariantCulture)} {booking.Currency}");
        body.AppendLine().Append("Safe travels,\nThe TripPal team");

        var smtp = smtpOptions.Value;
        var trackingId = Guid.NewGuid().ToString("N");
        using var message = new MailMessage(new MailAddress(smtp.FromAddress, smtp.FromName), new MailAddress(customer.Email, customer.FullName))
        {
            Subject = $"Your trip to {booking.DestinationSlug} ({booking.CheckIn:d MMM})",
            Body = body.ToString(),
        };
        message.Headers.Add("X-TripPal-Tracking", trackingId);

        using var client = new SmtpClient(smtp.Host, smtp.Port) { EnableSsl = smtp.EnableSsl };
        if (smtp.UserName is not null)
            client.Credentials = new NetworkCredential(smtp.UserName, smtp.Password);

        await client.SendMailAsync(message, cancellationToken);
        logger.LogInformation("Trip summary for booking {BookingId} sent, tracking {TrackingId}", booking.Id, trackingId);
        return trackingId;
    }
}
