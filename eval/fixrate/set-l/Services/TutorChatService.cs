using System.Runtime.CompilerServices;
using System.Text;
using LinguaPath.Data;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Caching.Memory;

namespace LinguaPath.Services;

public interface ITutorChatService
{
    Task<(string Reply, int Turns)> SendAsync(string sessionId, Student student, string message, CancellationToken ct = default);
    IAsyncEnumerable<string> StreamAsync(string sessionId, Student student, string message, CancellationToken ct = default);
    void Reset(string sessionId);
}

public sealed class TutorChatService(
    IChatClient chatClient,
    IMemoryCache cache,
    ILogger<TutorChatService> logger) : ITutorChatService
{
    private const int MaxHistoryMessages = 40;
    private static readonly TimeSpan SessionLifetime = TimeSpan.FromHours(2);

    private static readonly ChatOptions TutorOptions = new()
    {
        Temperature = 0.6f,
        MaxOutputTokens = 600,
    };

    public async Task<(string Reply, int Turns)> SendAsync(string sessionId, Student student, string message, CancellationToken ct = default)
    {
        var history = GetHistory(sessionId, student);
        lock (history)
        {
            history.Add(new ChatMessage(ChatRole.User, message));
        }

        var response = await chatClient.GetResponseAsync(Snapshot(history), TutorOptions, ct);

        lock (history)
        {
            history.AddMessages(response);
            Trim(history);
        }

        logger.LogInformation("Tutor session {SessionId} answered in {Tokens} output tokens",
            sessionId, response.Usage?.OutputTokenCount);

        return (response.Text, history.Count(m => m.Role == ChatRole.User));
    }

    public async IAsyncEnumerable<string> StreamAsync(
        string sessionId,
        Student student,
        string message,
        [EnumeratorCancellation] CancellationToken ct = default)
    {
        var history = GetHistory(sessionId, student);
        lock (history)
        {
            history.Add(new ChatMessage(ChatRole.User, message));
        }

        var full = new StringBuilder();
        await foreach (var update in chatClient.GetStreamingResponseAsync(Snapshot(history), TutorOptions, ct))
        {
            if (string.IsNullOrEmpty(update.Text))
            {
                continue;
            }

            full.Append(update.Text);
            yield return update.Text;
        }

        lock (history)
        {
            history.Add(new ChatMessage(ChatRole.Assistant, full.ToString()));
            Trim(history);
        }
    }

    public void Reset(string sessionId) => cache.Remove(CacheKey(sessionId));

    private List<ChatMessage> GetHistory(string sessionId, Student student) =>
        cache.GetOrCreate(CacheKey(sessionId), entry =>
        {
            entry.SlidingExpiration = SessionLifetime;
            return new List<ChatMessage>
            {
                new(ChatRole.System, BuildSystemPrompt(student)),
            };
        })!;

    private static string BuildSystemPrompt(Student student) =>
        $"""
        You are a friendly {student.TargetLanguage} conversation tutor for {student.DisplayName},
        whose native language is {student.NativeLanguage} and whose level is CEFR {student.Level}.
        Reply mostly in {student.TargetLanguage} using vocabulary suitable for that level.
        When the student makes a mistake, gently repeat the corrected sentence in bold and continue the conversation.
        Keep answers under 120 words and end with a question that keeps the student talking.
        """;

    private static List<ChatMessage> Snapshot(List<ChatMessage> history)
    {
        lock (history)
        {
            return [.. history];
        }
    }

    private static void Trim(List<ChatMessage> history)
    {
        // keep the system prompt, drop the oldest turns
        while (history.Count > MaxHistoryMessages)
        {
            history.RemoveAt(1);
        }
    }

    private static string CacheKey(string sessionId) => $"tutor-chat:{sessionId}";
}
