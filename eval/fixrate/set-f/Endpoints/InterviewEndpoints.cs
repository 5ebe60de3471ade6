using Microsoft.AspNetCore.Http.HttpResults;
using TalentDesk.Models;
using TalentDesk.Services;

namespace TalentDesk.Endpoints;

public static class InterviewEndpoints
{
    public static IEndpointRouteBuilder MapInterviewEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/interviews").WithTags("Interviews");

        group.MapPost("/questions", GenerateQuestions);
        group.MapGet("/questions/{role}", QuickQuestions);
        group.MapPost("/follow-ups", StreamFollowUps);
        group.MapGet("/stages", () => new[] { "phone-screen", "technical", "system-design", "culture", "final" });

        return routes;
    }

    private static async Task<Ok<List<InterviewQuestion>>> GenerateQuestions(
        InterviewQuestionsRequest request, InterviewQuestionGenerator generator, CancellationToken ct)
    {
        var questions = await generator.GenerateAsync(request, ct);
        return TypedResults.Ok(questions);
    }

    private static async Task<IResult> QuickQuestions(string role, string? stage, int? count,
        InterviewQuestionGenerator generator, CancellationToken ct)
    {
        var questions = await generator.GenerateAsync(new InterviewQuestionsRequest(role, stage ?? "phone-screen", count ?? 5, null), ct);
        var text = string.Join(Environment.NewLine, questions.Select(q => $"{q.Number}. [{q.Category}] {q.Text}"));
        return Results.Text(text, "text/plain");
    }

    private static IAsyncEnumerable<string> StreamFollowUps(FollowUpRequest body, InterviewQuestionGenerator generator) =>
        generator.StreamFollowUpsAsync(body.Question, body.Answer);

    public record FollowUpRequest(string Question, string Answer);
}
