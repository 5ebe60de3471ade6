using System.Text.Json;
using DeepSynth.Compliance.Audit;
using DeepSynth.Compliance.Review;
using Hangfire;
using Microsoft.SemanticKernel;
using XueBa.Coach.Contracts;
using XueBa.Coach.Infrastructure.Data;

namespace XueBa.Coach.Services;

public interface IQuizService
{
    Task<(Guid QuizId, string JobId)> EnqueueAsync(string studentId, QuizRequest request, CancellationToken ct);
    Task GenerateAndStoreAsync(Guid quizId, CancellationToken ct);
    Task<string> ExplainWrongAnswerAsync(QuizRow quiz, int questionIndex, int chosenIndex, CancellationToken ct);
    QuizResult Grade(QuizRow quiz, QuizSubmission submission);
}

public sealed class QuizService(
    Kernel kernel,
    ILearningRepository repository,
    IBackgroundJobClient jobs,
    IContentReviewer review,
    ISynthesisAuditLog audit,
    ILogger<QuizService> logger) : IQuizService
{
    private const string QuizModel = "deepseek-chat";

    private const string QuizPrompt = """
        为{{$grade}}年级学生出{{$count}}道关于“{{$topic}}”的{{$subject}}单选题。
        只输出 JSON 数组，每个元素包含 stem、options（4个选项）、answerIndex（0-3）、explanation。
        """;

    public async Task<(Guid QuizId, string JobId)> EnqueueAsync(string studentId, QuizRequest request, CancellationToken ct)
    {
        var quizId = await repository.CreateQuizAsync(studentId, request, ct);
        var jobId = jobs.Enqueue<IQuizService>(q => q.GenerateAndStoreAsync(quizId, CancellationToken.None));
        await repository.AttachQuizJobAsync(quizId, jobId, ct);
        return (quizId, jobId);
    }

    [AutomaticRetry(Attempts = 2)]
    public async Task GenerateAndStoreAsync(Guid quizId, CancellationToken ct)
    {
        var quiz = await repository.GetQuizAsync(quizId, ct) ?? throw new InvalidOperationException($"quiz {quizId} not found");

        var result = await kernel.InvokePromptAsync(QuizPrompt, new KernelArguments
        {
            ["grade"] = quiz.Grade,
            ["count"] = 5,
            ["topic"] = quiz.Topic,
            ["subject"] = quiz.Subject,
        }, cancellationToken: ct);

        var json = StripFence(result.GetValue<string>() ?? "[]");
        List<QuizQuestion>? questions;
        try
        {
            questions = JsonSerializer.Deserialize<List<QuizQuestion>>(json, JsonSerializerOptions.Web);
        }
        catch (JsonException ex)
        {
            logger.LogWarning(ex, "Quiz {QuizId}: model returned invalid JSON", quizId);
            await repository.MarkQuizFailedAsync(quizId, "invalid_json", ct);
            return;
        }

        if (questions is null || questions.Count == 0 || questions.Any(q => q.Options.Count != 4))
        {
            await repository.MarkQuizFailedAsync(quizId, "malformed_questions", ct);
            return;
        }

        try
        {
            await review.EnsureAllTextAllowedAsync(questions, ReviewStage.Output, ct);
        }
        catch (ContentBlockedException)
        {
            await repository.MarkQuizFailedAsync(quizId, "blocked", ct);
            return;
        }

        await audit.RecordAllTextAsync(questions, new GenerationRecord
        {
            UserId = quiz.StudentId,
            Model = QuizModel,
            ContentId = quizId.ToString("N"),
        }, ct);

        await repository.SaveQuizQuestionsAsync(quizId, questions, QuizModel, ct);
    }

    public async Task<string> ExplainWrongAnswerAsync(QuizRow quiz, int questionIndex, int chosenIndex, CancellationToken ct)
    {
        var q = quiz.Questions[questionIndex];
        var result = await kernel.InvokePromptAsync(
            "学生做错了这道题。题目：{{$stem}}\n选项：{{$options}}\n学生选了：{{$chosen}}\n正确答案：{{$answer}}\n请用两三句话解释错在哪里，并给一个记忆方法。",
            new KernelArguments
            {
                ["stem"] = q.Stem,
                ["options"] = string.Join(" / ", q.Options),
                ["chosen"] = q.Options.ElementAtOrDefault(chosenIndex) ?? "?",
                ["answer"] = q.Options[q.AnswerIndex],
            },
            cancellationToken: ct);
        return result.ToString();
    }

    public QuizResult Grade(QuizRow quiz, QuizSubmission submission)
    {
        var questions = quiz.Questions;
        var correct = questions.Where((q, i) => i < submission.Answers.Length && submission.Answers[i] == q.AnswerIndex).Count();
        var total = questions.Count;
        return new QuizResult(quiz.Id, correct, total, total == 0 ? 0 : Math.Round(100.0 * correct / total, 1));
    }

    private static string StripFence(string text)
    {
        var t = text.Trim();
        if (t.StartsWith("```"))
        {
            t = t[(t.IndexOf('\n') + 1)..];
            var end = t.LastIndexOf("```", StringComparison.Ordinal);
            if (end >= 0) t = t[..end];
        }
        return t.Trim();
    }
}
