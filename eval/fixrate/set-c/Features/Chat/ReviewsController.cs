using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.AI;

namespace TravelDesk.Features.Chat;

public sealed record HotelReviewReply(string HotelId, string Reply, DateTime DraftedAt);

[ApiController]
[Route("api/hotels/{hotelId}/reviews")]
public sealed class HotelReviewsController(IChatClient chat) : ControllerBase
{
    [HttpPost("reply")]
    public async Task<ActionResult<HotelReviewReply>> DraftReply(string hotelId, [FromBody] string review)
    {
        var response = await chat.GetResponseAsync($"Draft a courteous reply from hotel {hotelId} to this guest review: {review}");
        return new HotelReviewReply(HotelId: hotelId, Reply: response.Text, DraftedAt: DateTime.UtcNow);
    }

    [HttpGet("highlights")]
    public async IAsyncEnumerable<string> Highlights(string hotelId, [FromQuery] string[] reviews)
    {
        foreach (var review in reviews.Take(5))
        {
            var response = await chat.GetResponseAsync($"One-line highlight of: {review}");
            yield return $"{hotelId}: {response.Text}";
        }
    }
}
