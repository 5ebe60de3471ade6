using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.AI;
using TravelDesk.Shared;

namespace TravelDesk.Features.Trips;

[ApiController]
[Route("api/v2/trips")]
public sealed class TripsController : ControllerBase
{
    private readonly IChatClient _chat;

    public TripsController(IChatClient chat) => _chat = chat;

    [HttpPost("name")]
    public async Task<ActionResult<string>> SuggestName([FromBody] TripRequest request)
    {
        var response = await _chat.GetResponseAsync($"A catchy name for a trip to {request.Destination}");
        return Ok(response.Text);
    }

    [HttpPost("compare")]
    public async Task<IActionResult> Compare([FromQuery] string first, [FromQuery] string second)
    {
        var left = await _chat.GetResponseAsync($"Pros of visiting {first}");
        var right = await _chat.GetResponseAsync($"Pros of visiting {second}");
        return Ok(new Dictionary<string, string> { [first] = left.Text, [second] = right.Text });
    }

    [HttpGet("visa")]
    public async Task<IActionResult> Visa(string nationality, string destination)
    {
        var response = await _chat.GetResponseAsync($"Visa requirements for a {nationality} citizen visiting {destination}");
        var answer = response.Text;
        return string.IsNullOrWhiteSpace(answer) ? NotFound() : Ok(new { destination, answer, disclaimer = "Check the embassy website." });
    }
}
