using Microsoft.SemanticKernel;
using StudyBuddy.Models;

namespace StudyBuddy.Endpoints;

public static class StudyPlanEndpoints
{
    private const string PlanPrompt = """
        Create a day-by-day revision plan for {{$days}} days so the student reaches this goal: {{$goal}}.
        Spend extra time on these weak topics: {{$weak}}.
        Write exactly one line per day, formatted as "Day N: <what to do>".
        """;

    public static void MapStudyPlanEndpoints(this WebApplication app)
    {
        var plans = app.MapGroup("/api/plans").WithTags("Study plans");

        plans.MapPost("/", async (StudyPlanRequest request, Kernel kernel, CancellationToken ct) =>
        {
            var arguments = new KernelArguments
            {
                ["goal"] = request.Goal,
                ["days"] = request.DaysUntilExam.ToString(),
                ["weak"] = string.Join(", ", request.WeakTopics),
            };

            var result = await kernel.InvokePromptAsync(PlanPrompt, arguments, cancellationToken: ct);
            var text = result.GetValue<string>() ?? string.Empty;

            var days = text
                .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Where(line => line.StartsWith("Day", StringComparison.OrdinalIgnoreCase))
                .ToList();

            return Results.Ok(new { request.Goal, dayCount = days.Count, days });
        });

        plans.MapGet("/week/{subject}", WeeklyGoals);
    }

    private static async Task<string> WeeklyGoals(string subject, int hoursPerWeek, Kernel kernel)
    {
        var result = await kernel.InvokePromptAsync(
            "List three realistic weekly goals for studying {{$subject}} with {{$hours}} hours a week. One per line.",
            new KernelArguments { ["subject"] = subject, ["hours"] = hoursPerWeek });

        var goals = (result.GetValue<string>() ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return string.Join(Environment.NewLine, goals.Select((goal, i) => $"{i + 1}. {goal.TrimStart('-', ' ', '*')}"));
    }
}
