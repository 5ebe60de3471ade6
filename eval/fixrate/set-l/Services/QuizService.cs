using LinguaPath.Models;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Caching.Memory;

namespace LinguaPath.Services;

public interface IQuizService
{
    Task<QuizEnvelope> GenerateAsync(QuizQuery query, CancellationToken ct = default);
    QuizEnvelope? Find(string id);
}

public sealed class QuizService(
    IChatClient chatClient,
    IMemoryCache cache,
    ILogger<QuizService> logger) : IQuizService
{
    private static readonly MemoryCacheEntryOptions QuizCacheOptions = new()
    {
        AbsoluteExpirationRelativeToNow = TimeSpan.FromDays(1),
        Size = 1,
    };

    public async Task<QuizEnvelope> GenerateAsync(QuizQuery query, CancellationToken ct = default)
    {
        var count = Math.Clamp(query.Questions, 1, 15);

        var messages = new List<ChatMessage>
        {
            new(ChatRole.System,
                "You create multiple-choice quizzes for language learners. Each question has exactly four options, " +
                "one correct answer, and a one-sentence explanation in English."),
            new(ChatRole.User,
                $"Language: {query.Language}. CEFR level: {query.Level}. Topic: {query.Topic}. " +
                $"Write {count} questions mixing vocabulary, grammar and reading comprehension."),
        };

        ChatResponse<GeneratedQuiz> response = await chatClient.GetResponseAsync<GeneratedQuiz>(
            messages,
            new ChatOptions { Temperature = 0.7f },
            cancellationToken: ct);

        if (!response.TryGetResult(out var quiz) || quiz.Questions.Count == 0)
        {
            logger.LogWarning("Quiz generation for topic {Topic} returned no usable questions", query.Topic);
            throw new InvalidOperationException("The quiz could not be generated, please try again.");
        }

        foreach (var question in quiz.Questions)
        {
            question.CorrectIndex = Math.Clamp(question.CorrectIndex, 0, Math.Max(0, question.Options.Count - 1));
        }

        var envelope = new QuizEnvelope(Guid.NewGuid().ToString("N")[..12], query, quiz);
        cache.Set(CacheKey(envelope.Id), envelope, QuizCacheOptions);
        return envelope;
    }

    public QuizEnvelope? Find(string id) =>
        cache.TryGetValue(CacheKey(id), out QuizEnvelope? envelope) ? envelope : null;

    private static string CacheKey(string id) => $"quiz:{id}";
}
