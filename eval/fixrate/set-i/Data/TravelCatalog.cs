namespace TripPal.Data;

public sealed record Destination(string Slug, string Name, string Country, string BestSeason, IReadOnlyList<string> Highlights);

public sealed record Booking(Guid Id, string CustomerId, string DestinationSlug, string HotelName, DateOnly CheckIn, DateOnly CheckOut,
    decimal TotalPrice, string Currency, string Status);

public sealed record CustomerProfile(string Id, string FullName, string Email, string PreferredCurrency, string HomeAirport, int LoyaltyPoints);
public sealed record CurrencyRate(string Code, decimal PerEuro, DateTimeOffset UpdatedAt);

/// <summary>Seed data until the booking database is wired in.</summary>
public sealed class TravelCatalog
{
    private readonly List<Destination> _destinations =
    [
        new("lisbon", "Lisbon", "Portugal", "spring", ["Alfama's tram 28", "Belém pastries", "sunset at Senhora do Monte"]),
        new("kyoto", "Kyoto", "Japan", "autumn", ["Fushimi Inari gates", "Arashiyama bamboo grove", "Nishiki market"]),
        new("reykjavik", "Reykjavik", "Iceland", "winter", ["northern lights tours", "Blue Lagoon", "Golden Circle"]),
    ];

    private readonly List<CustomerProfile> _profiles =
    [
        new("cus-1001", "Marta Nowak", "marta.nowak@example.com", "EUR", "WAW", 4120),
        new("cus-1002", "Daniel Okafor", "d.okafor@example.com", "GBP", "LHR", 860),
    ];

    private readonly List<Booking> _bookings =
    [
        new(Guid.Parse("6f1c2a9e-0d4b-4a57-9a0e-1b6f3c2d7e10"), "cus-1001", "lisbon", "Alfama Terrace Hotel",
            new DateOnly(2027, 4, 12), new DateOnly(2027, 4, 17), 1240.00m, "EUR", "Confirmed"),
        new(Guid.Parse("a3d95b71-5c2e-4f0a-8b6d-2e9f0c4a1b33"), "cus-1002", "kyoto", "Gion Machiya Stay",
            new DateOnly(2027, 10, 30), new DateOnly(2027, 11, 6), 2385.50m, "GBP", "Pending payment"),
    ];

    public IReadOnlyList<Destination> Destinations => _destinations;

    public Destination? FindDestination(string slug) =>
        _destinations.FirstOrDefault(d => string.Equals(d.Slug, slug, StringComparison.OrdinalIgnoreCase));
    public CustomerProfile? FindProfile(string customerId) => _profiles.FirstOrDefault(p => p.Id == customerId);
    public Booking? FindBooking(Guid bookingId) => _bookings.FirstOrDefault(b => b.Id == bookingId);
    public IEnumerable<Booking> BookingsFor(string customerId) => _bookings.Where(b => b.CustomerId == customerId).OrderBy(b => b.CheckIn);

    public IReadOnlyList<CurrencyRate> Rates()
    {
        var updated = DateTimeOffset.UtcNow.Date;
        return [new("EUR", 1.0000m, updated), new("GBP", 0.8571m, updated), new("USD", 1.0862m, updated), new("JPY", 162.41m, updated)];
    }
}
