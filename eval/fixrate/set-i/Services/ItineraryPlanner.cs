using System.Text;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using TripPal.Data;
using TripPal.Models;
using TripPal.Options;

namespace TripPal.Services;

public interface IItineraryPlanner
{
    IReadOnlyList<ChatMessage> BuildMessages(ItineraryRequest request);
    Task<ItinerarySuggestion> SuggestAsync(ItineraryRequest request, CancellationToken cancellationToken);
}

public sealed class ItineraryPlanner : IItineraryPlanner
{
    private readonly IChatClient _chatClient;
    private readonly TravelCatalog _catalog;
    private readonly string _model;
    private readonly ILogger<ItineraryPlanner> _logger;

    public ItineraryPlanner(IChatClient chatClient, TravelCatalog catalog, IOptions<OpenAiSettings> options, ILogger<ItineraryPlanner> logger)
    {
        _chatClient = chatClient;
        _catalog = catalog;
        _model = options.Value.ChatModel;
        _logger = logger;
    }

    public IReadOnlyList<ChatMessage> BuildMessages(ItineraryRequest request)
    {
        var system = new StringBuilder("You are TripPal, a friendly travel planner. Keep travel times short and mix busy and quiet parts of the day.");
        if (_catalog.FindDestination(request.Destination) is { } known)
            system.AppendLine().Append($"Highlights our customers love in {known.Name}: {string.Join("; ", known.Highlights)}.");

        var user = $"Plan {request.Days} days in {request.Destination} starting {request.StartDate:yyyy-MM-dd}. " +
                   $"Travel style: {request.TravelStyle}. Interests: {string.Join(", ", request.Interests)}. {request.Notes}";
        return [new ChatMessage(ChatRole.System, system.ToString()), new ChatMessage(ChatRole.User, user)];
    }

    public async Task<ItinerarySuggestion> SuggestAsync(ItineraryRequest request, CancellationToken cancellationToken)
    {
        var response = await _chatClient.GetResponseAsync<ItineraryPlan>(BuildMessages(request), cancellationToken: cancellationToken);
        var plan = response.Result;

        var days = new List<ItineraryDayDto>();
        foreach (var day in plan.Days.OrderBy(d => d.DayNumber).Take(request.Days))
        {
            var date = request.StartDate.AddDays(day.DayNumber - 1);
            days.Add(new ItineraryDayDto(day.DayNumber, date, $"Morning: {day.Morning} Afternoon: {day.Afternoon} Evening: {day.Evening}"));
        }

        var perDay = request.TravelStyle.ToLowerInvariant() switch { "luxury" => 420m, "comfort" => 210m, _ => 120m };
        _logger.LogInformation("Itinerary for {Destination}: {Days} days planned", request.Destination, days.Count);
        return new ItinerarySuggestion(Guid.NewGuid(), request.Destination, request.StartDate, plan.Title, days, plan.PackingAdvice,
            perDay * request.Days, _model, DateTimeOffset.UtcNow);
    }
}
