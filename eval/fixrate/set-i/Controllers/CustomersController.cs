using Microsoft.AspNetCore.Mvc;
using TripPal.Data;

namespace TripPal.Controllers;

[ApiController]
[Route("api/customers/{customerId}")]
public sealed class CustomersController(TravelCatalog catalog) : ControllerBase
{
    [HttpGet("profile")]
    public ActionResult<CustomerProfile> Profile(string customerId) =>
        catalog.FindProfile(customerId) is { } profile ? profile : NotFound(new { error = $"Customer {customerId} not found" });

    [HttpGet("bookings")]
    public IActionResult Bookings(string customerId, [FromQuery] string? status = null)
    {
        var bookings = catalog.BookingsFor(customerId)
            .Where(b => status is null || string.Equals(b.Status, status, StringComparison.OrdinalIgnoreCase))
            .Select(b => new { b.Id, b.HotelName, b.DestinationSlug, b.CheckIn, Nights = b.CheckOut.DayNumber - b.CheckIn.DayNumber, b.TotalPrice, b.Currency, b.Status })
            .ToList();
        return Ok(bookings);
    }

    [HttpGet("bookings/{bookingId:guid}")]
    public IActionResult Booking(string customerId, Guid bookingId)
    {
        var booking = catalog.FindBooking(bookingId);
        return booking is null || booking.CustomerId != customerId ? NotFound() : Ok(booking);
    }
}
