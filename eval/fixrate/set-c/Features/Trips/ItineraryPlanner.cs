using Microsoft.Extensions.AI;
using TravelDesk.Shared;

namespace TravelDesk.Features.Trips;

public sealed class ItineraryPlanner(IChatClient chat, ILogger<ItineraryPlanner> logger)
{
    public async Task<Itinerary> PlanAsync(TripRequest request, CancellationToken cancellationToken)
    {
        var days = new List<DayPlan>();
        for (var day = 1; day <= request.Days; day++)
        {
            var response = await chat.GetResponseAsync(
                $"Plan day {day} of {request.Days} in {request.Destination}. Interests: {request.Interests ?? "anything"}.",
                cancellationToken: cancellationToken);
            days.Add(new DayPlan(day, response.Text));
        }

        var summary = await chat.GetResponseAsync($"Summarize a {request.Days}-day trip to {request.Destination} in one sentence.", cancellationToken: cancellationToken);
        logger.LogInformation("Planned {Days} days", days.Count);
        return new Itinerary(request.Destination, days, summary.Text);
    }
}
