using Microsoft.Extensions.AI;
using TravelDesk.Shared;

namespace TravelDesk.Features.Tutor;

public static class TutorEndpoints
{
    public static void MapTutor(this IEndpointRouteBuilder routes)
    {
        var tutor = routes.MapGroup("/api/tutor");
        tutor.MapPost("/lesson", CreateLesson);
        tutor.MapPost("/quiz", async (LessonRequest request, IChatClient chat) =>
        {
            var questions = new List<string>();
            foreach (var n in Enumerable.Range(1, 3))
            {
                var response = await chat.GetResponseAsync($"Quiz question {n} about {request.Topic} for a {request.Level} learner");
                questions.Add(response.Text);
            }

            return Results.Ok(questions);
        });
        tutor.MapGet("/phrase", async (string language, IChatClient chat) =>
        {
            var response = await chat.GetResponseAsync($"One useful travel phrase in {language}, with pronunciation");
            return new { language, phrase = response.Text };
        });
    }

    private static async Task<LessonDto> CreateLesson(LessonRequest request, IChatClient chat, CancellationToken cancellationToken)
    {
        var lesson = new LessonDto { Topic = request.Topic };
        var explanation = await chat.GetResponseAsync($"Explain {request.Topic} to a {request.Level} learner", cancellationToken: cancellationToken);
        lesson.Explanation = explanation.Text;
        if (request.Level != "beginner")
        {
            var exercise = await chat.GetResponseAsync($"One exercise about {request.Topic}", cancellationToken: cancellationToken);
            lesson.Exercise = exercise.Text;
        }

        return lesson;
    }
}
