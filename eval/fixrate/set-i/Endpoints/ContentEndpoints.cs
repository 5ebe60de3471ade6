using Microsoft.Extensions.Caching.Memory;
using TripPal.Background;
using TripPal.Data;
using TripPal.Models;
using TripPal.Services;

namespace TripPal.Endpoints;

public static class ContentEndpoints
{
    public static IEndpointRouteBuilder MapContentEndpoints(this IEndpointRouteBuilder app)
    {
        var faq = app.MapGroup("/api/faq").WithTags("FAQ");
        faq.MapGet("/", async (string question, IFaqAnswerService answers, CancellationToken ct) =>
        {
            if (string.IsNullOrWhiteSpace(question))
                return Results.BadRequest(new { error = "question is required" });

            var answer = await answers.AnswerAsync(question, ct);
            return Results.Ok(answer);
        });
        faq.MapGet("/popular", async (IFaqAnswerService answers, CancellationToken ct) => Results.Ok(await answers.PopularAsync(ct)));

        var tips = app.MapGroup("/api/tips").WithTags("Tips");
        tips.MapGet("/", (TravelCatalog catalog, IMemoryCache cache) =>
            catalog.Destinations
                .Select(d => cache.Get<DestinationTipsPage>(DestinationTipsWorker.CacheKeyPrefix + d.Slug))
                .OfType<DestinationTipsPage>()
                .Select(p => new { p.Destination, TopTip = p.Tips.FirstOrDefault()?.Text, p.GeneratedAt }));
        tips.MapGet("/{destination}", GetTips);

        var images = app.MapGroup("/api").WithTags("Images");
        images.MapPost("/destinations/{slug}/images", async (string slug, string? style, DestinationImageService generator, CancellationToken ct) =>
        {
            var stored = await generator.GenerateAsync(slug, style, ct);
            if (stored is null)
                return Results.NotFound(new { error = $"No destination '{slug}'" });

            return Results.Created($"/api/images/{stored.Id}", new { stored.Id, stored.DestinationSlug, stored.Model, stored.CreatedAt });
        });
        images.MapGet("/destinations/{slug}/images", (string slug, IDestinationImageStore store) =>
            store.ForDestination(slug).Select(i => new { i.Id, url = $"/api/images/{i.Id}", i.CreatedAt }));
        images.MapGet("/images/{id:guid}", (Guid id, IDestinationImageStore store) =>
        {
            var image = store.Find(id);
            return image is null ? Results.NotFound() : Results.File(image.Bytes, image.ContentType, $"{image.DestinationSlug}-{id:N}.png");
        });

        app.MapPost("/api/bookings/{bookingId:guid}/summary-email", SendTripSummaryAsync).WithTags("Bookings");
        return app;
    }

    private static IResult GetTips(string destination, IMemoryCache cache)
    {
        if (!cache.TryGetValue(DestinationTipsWorker.CacheKeyPrefix + destination.ToLowerInvariant(), out DestinationTipsPage? page) || page is null)
            return Results.NotFound(new { message = $"No tips for '{destination}' yet, please try again tomorrow." });

        return Results.Ok(page);
    }

    private static async Task<IResult> SendTripSummaryAsync(Guid bookingId, TripSummaryEmailRequest request, TravelCatalog catalog,
        ITripSummaryMailer mailer, CancellationToken cancellationToken)
    {
        var booking = catalog.FindBooking(bookingId);
        if (booking is null || catalog.FindProfile(booking.CustomerId) is not { } customer)
            return Results.NotFound(new { error = $"Booking {bookingId} not found" });

        var trackingId = await mailer.SendAsync(booking, customer, request, cancellationToken);
        return Results.Accepted(value: new { bookingId, sentTo = customer.Email, trackingId });
    }
}
