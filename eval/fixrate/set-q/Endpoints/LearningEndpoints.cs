using System.Security.Claims;
using DeepSynth.Compliance;
using DeepSynth.Compliance.Audit;
using DeepSynth.Compliance.Labeling;
using DeepSynth.Compliance.Review;
using Hangfire;
using StackExchange.Redis;
using XueBa.Coach.Contracts;
using XueBa.Coach.Infrastructure.Ai;
using XueBa.Coach.Infrastructure.Data;
using XueBa.Coach.Infrastructure.Web;
using XueBa.Coach.Services;

namespace XueBa.Coach.Endpoints;

public static class LearningEndpoints
{
    public static IEndpointRouteBuilder MapLearningEndpoints(this IEndpointRouteBuilder app)
    {
        MapMath(app.MapGroup("/api/math").WithTags("Math").RequireAuthorization("Student")
            .AddEndpointFilter<GradeRangeFilter>()
            .AddEndpointFilter<ModelQuotaFilter>());

        MapQuizzes(app.MapGroup("/api/quizzes").WithTags("Quizzes").RequireAuthorization("Student")
            .AddEndpointFilter<GradeRangeFilter>());

        MapReports(app.MapGroup("/api/reports").WithTags("Parent reports").RequireAuthorization("Parent"));

        var tutoring = app.MapGroup("/api/tutoring").WithTags("Tutoring").RequireAuthorization();
        tutoring.MapGet("/sessions/{sessionId}/summary", async (string sessionId, ClaimsPrincipal user, IConnectionMultiplexer redis) =>
        {
            var hash = await redis.GetDatabase().HashGetAllAsync($"tutoring:session:{sessionId}");
            var fields = hash.ToDictionary(h => h.Name.ToString(), h => h.Value.ToString());
            if (fields.Count == 0) return Results.NotFound();
            if (fields.GetValueOrDefault("studentId") != user.UserId() && !user.IsInRole("parent") && !user.IsTeacher()) return Results.Forbid();

            return Results.Ok(new SessionSummaryDto(
                sessionId,
                fields.GetValueOrDefault("summary", ""),
                int.TryParse(fields.GetValueOrDefault("durationSec"), out var d) ? d : 0,
                int.TryParse(fields.GetValueOrDefault("turns"), out var t) ? t : 0));
        });

        app.MapGet("/api/usage", async (ClaimsPrincipal user, IMathTutorService math) =>
            Results.Ok(new { userId = user.UserId(), usage = await math.GetUsageAsync(user.UserId()), model = math.ModelName }))
            .RequireAuthorization();

        return app;
    }

    private static void MapMath(RouteGroupBuilder math)
    {
        math.MapPost("/explain", async (MathExplainRequest request, ClaimsPrincipal user, IMathTutorService tutor,
                IContentReviewer review, IAigcTextLabeler label, ISynthesisAuditLog audit, CancellationToken ct) =>
            {
                var question = await review.EnsureAllowedAsync(request.Question, ReviewStage.Input, ct);
                var result = await tutor.ExplainAsync(request with { Question = question }, user.UserId(), ct);
                var text = await review.EnsureAllowedAsync(result.Text, ReviewStage.Output, ct);

                await audit.RecordAsync(text, new GenerationRecord
                {
                    UserId = user.UserId(),
                    Model = result.Model,
                    Labeled = true,
                    Attributes = { ["feature"] = "math-explain", ["cache"] = result.FromCache ? "hit" : "miss" },
                }, ct);

                return Results.Ok(new MathExplanationDto(label.Label(text), result.Model, result.Sources, result.FromCache));
            })
            .RequireRealName();

        math.MapGet("/explain/stream", (string question, int grade, IMathTutorService tutor, IAigcTextLabeler label, CancellationToken ct) =>
                label.LabelStream(tutor.StreamExplanationAsync(question, grade, ct), ct))
            .RequireRealName();

        math.MapPost("/hint", async (HintRequest request, ILocalHintModel local, CancellationToken ct) =>
        {
            var prompt = string.IsNullOrWhiteSpace(request.StudentAttempt)
                ? $"题目：{request.Question}\n给学生一个提示，帮助他想到第一步。"
                : $"题目：{request.Question}\n学生的做法：{request.StudentAttempt}\n指出卡住的地方，给一个提示。";
            var hint = await local.CompleteAsync(prompt, ct);
            return Results.Ok(new { hint, model = local.ModelName });
        });

        math.MapPost("/solve", async (MathExplainRequest request, ClaimsPrincipal user, IMathTutorService tutor,
                IContentReviewer review, ISynthesisAuditLog audit, CancellationToken ct) =>
            {
                await review.EnsureAllowedAsync(request.Question, ReviewStage.Input, ct);
                var solution = await tutor.SolveAsync(request.Question, request.Grade, user.UserId(), ct);
                await review.EnsureAllTextAllowedAsync(solution, ReviewStage.Output, ct);
                await audit.RecordAllTextAsync(solution, new GenerationRecord { UserId = user.UserId(), Model = tutor.ModelName }, ct);
                return Results.Ok(solution);
            })
            .RequireRealName();
    }

    private static void MapQuizzes(RouteGroupBuilder quizzes)
    {
        quizzes.MapPost("/", async (QuizRequest request, ClaimsPrincipal user, IQuizService service, CancellationToken ct) =>
        {
            if (request.QuestionCount is < 1 or > 20)
            {
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["questionCount"] = ["1-20"] });
            }
            var (quizId, jobId) = await service.EnqueueAsync(user.UserId(), request, ct);
            return Results.Accepted($"/api/quizzes/{quizId}/status", new { quizId, jobId, status = "queued" });
        });

        quizzes.MapGet("/{id:guid}/status", async (Guid id, ILearningRepository repo, CancellationToken ct) =>
        {
            var quiz = await repo.GetQuizAsync(id, ct);
            if (quiz is null) return Results.NotFound();
            var state = quiz.HangfireJobId is null ? null : JobStorage.Current.GetConnection().GetStateData(quiz.HangfireJobId)?.Name;
            return Results.Ok(new { quiz.Id, quiz.Status, jobState = state, quiz.Model, quiz.CreatedAt });
        });

        quizzes.MapGet("/{id:guid}", async (Guid id, ClaimsPrincipal user, ILearningRepository repo, CancellationToken ct) =>
        {
            var quiz = await repo.GetQuizAsync(id, ct);
            if (quiz is null || quiz.StudentId != user.UserId()) return Results.NotFound();
            if (quiz.Status != "ready") return Results.Ok(new { quiz.Id, quiz.Status });

            // answers are stripped before the quiz is handed to the student
            var questions = quiz.Questions.Select(q => q with { AnswerIndex = -1, Explanation = "" }).ToList();
            return Results.Ok(new QuizDto(quiz.Id, quiz.Subject, quiz.Topic, quiz.Status, questions));
        });

        quizzes.MapPost("/{id:guid}/submit", async (Guid id, QuizSubmission submission, ClaimsPrincipal user,
            ILearningRepository repo, IQuizService service, CancellationToken ct) =>
        {
            var quiz = await repo.GetQuizAsync(id, ct);
            if (quiz is null || quiz.StudentId != user.UserId()) return Results.NotFound();
            var result = service.Grade(quiz, submission);
            await repo.SaveQuizAttemptAsync(id, user.UserId(), result.Correct, result.Total, ct);
            return Results.Ok(result);
        });

        quizzes.MapPost("/{id:guid}/explain", async (Guid id, WrongAnswerRequest request, ClaimsPrincipal user,
            ILearningRepository repo, IQuizService service, CancellationToken ct) =>
        {
            var quiz = await repo.GetQuizAsync(id, ct);
            if (quiz is null || quiz.StudentId != user.UserId()) return Results.NotFound();
            if (request.QuestionIndex < 0 || request.QuestionIndex >= quiz.Questions.Count) return Results.BadRequest("questionIndex out of range");

            var explanation = await service.ExplainWrongAnswerAsync(quiz, request.QuestionIndex, request.ChosenIndex, ct);
            return Results.Ok(new { request.QuestionIndex, explanation });
        });
    }

    private static void MapReports(RouteGroupBuilder reports)
    {
        reports.MapGet("/", async (ClaimsPrincipal user, ILearningRepository repo, CancellationToken ct) =>
        {
            var rows = await repo.ListWeeklyReportsAsync(user.UserId(), 12, ct);
            return Results.Ok(rows.Select(r => new { r.Id, r.StudentId, r.WeekStart, r.MinutesStudied, r.EssaysSubmitted, r.QuizAverage }));
        });

        reports.MapGet("/{id:guid}", async (Guid id, ClaimsPrincipal user, ILearningRepository repo, IAigcTextLabeler label, CancellationToken ct) =>
        {
            var report = await repo.GetWeeklyReportAsync(id, ct);
            if (report is null || report.ParentId != user.UserId()) return Results.NotFound();
            return Results.Ok(new
            {
                report.Id,
                report.WeekStart,
                report.MinutesStudied,
                report.EssaysSubmitted,
                quizAverage = Math.Round(report.QuizAverage * 100, 1),
                narrative = label.Label(report.Narrative),
                report.Model,
            });
        });
    }
}
