using Microsoft.Extensions.AI;
using TravelDesk.Shared;

namespace TravelDesk.Features.Trips;

public static class TripEndpoints
{
    public static RouteGroupBuilder MapTrips(this RouteGroupBuilder group)
    {
        group.MapPost("/plan", async (TripRequest request, ItineraryPlanner planner, CancellationToken ct) =>
            Results.Ok(await planner.PlanAsync(request, ct)));

        group.MapPost("/packing", async (TripRequest request, IChatClient chat) =>
        {
            var response = await chat.GetResponseAsync($"Packing list (one item per line) for {request.Days} days in {request.Destination}");
            var items = response.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            return TypedResults.Ok(new PackingList(request.Destination, items));
        });

        group.MapGet("/weather-advice", async (string destination, string month, IChatClient chat) =>
        {
            var options = new ChatOptions { Temperature = 0.2f, MaxOutputTokens = 200 };
            var response = await chat.GetResponseAsync($"What should a traveller to {destination} in {month} know about the weather?", options);
            return Results.Text(response.Text, "text/plain; charset=utf-8");
        });

        return group;
    }
}
