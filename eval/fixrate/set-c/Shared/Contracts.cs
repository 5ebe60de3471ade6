namespace TravelDesk.Shared;

public sealed record TripRequest(string Destination, int Days, string? Interests = null);

public sealed record DayPlan(int Day, string Plan);

public sealed record Itinerary(string Destination, IReadOnlyList<DayPlan> Days, string Summary);

public sealed record PackingList(string Destination, string[] Items);

public sealed record LessonRequest(string Topic, string Level);

public sealed class LessonDto
{
    public string Topic { get; set; } = string.Empty;
    public string Explanation { get; set; } = string.Empty;
    public string? Exercise { get; set; }
}

public sealed record QuickAnswer(string Question, string Answer, string? Model, long? Tokens);
