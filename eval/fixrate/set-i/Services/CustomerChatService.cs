using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using TripPal.Models;
using TripPal.Options;

namespace TripPal.Services;

public interface IChatSessionStore
{
    ChatHistory GetOrStart(string sessionId, Func<ChatHistory> newHistory);
    ChatHistory? Find(string sessionId);
}

public sealed class InMemoryChatSessionStore : IChatSessionStore
{
    private readonly ConcurrentDictionary<string, ChatHistory> _sessions = new();

    public ChatHistory GetOrStart(string sessionId, Func<ChatHistory> newHistory) => _sessions.GetOrAdd(sessionId, _ => newHistory());

    public ChatHistory? Find(string sessionId) => _sessions.TryGetValue(sessionId, out var history) ? history : null;
}

public interface ICustomerChatService
{
    Task<ChatReply> ReplyAsync(string sessionId, string text, CancellationToken cancellationToken);
    int TurnCount(string sessionId);
}

public sealed class CustomerChatService(IChatCompletionService completion, IChatSessionStore sessions, IOptions<OpenAiSettings> options,
    ILogger<CustomerChatService> logger) : ICustomerChatService
{
    private const string SystemPrompt = "You are TripPal's customer-service assistant. Help with bookings, changes, baggage and destinations. " +
                                        "For refunds or name changes, say a human agent will follow up.";

    private static readonly PromptExecutionSettings Settings = new() { ExtensionData = new Dictionary<string, object> { ["temperature"] = 0.4 } };

    public async Task<ChatReply> ReplyAsync(string sessionId, string text, CancellationToken cancellationToken)
    {
        var history = sessions.GetOrStart(sessionId, () => new ChatHistory(SystemPrompt));
        history.AddUserMessage(text);

        var answer = await completion.GetChatMessageContentAsync(history, Settings, cancellationToken: cancellationToken);
        var reply = answer.Content ?? string.Empty;
        history.AddAssistantMessage(reply);
        logger.LogDebug("Session {SessionId} now has {Count} messages", sessionId, history.Count);

        return new ChatReply(sessionId, reply, history.Count - 1, answer.ModelId ?? options.Value.ChatModel, DateTimeOffset.UtcNow);
    }

    public int TurnCount(string sessionId) => sessions.Find(sessionId)?.Count(m => m.Role == AuthorRole.User) ?? 0;
}
