using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Connectors.OpenAI;

namespace ListingAssistant.Services;

public interface IBuyerAssistant
{
    Task<string> AnswerAsync(string sessionId, int listingId, string question, CancellationToken ct = default);
    IAsyncEnumerable<string> StreamAnswerAsync(string sessionId, int listingId, string question, CancellationToken ct = default);
    void EndSession(string sessionId);
}

public sealed class BuyerAssistant(
    Kernel kernel,
    IChatCompletionService chatCompletion,
    IMemoryCache cache,
    ILogger<BuyerAssistant> logger) : IBuyerAssistant
{
    private static readonly TimeSpan SessionLifetime = TimeSpan.FromMinutes(30);

    private static readonly OpenAIPromptExecutionSettings Settings = new()
    {
        FunctionChoiceBehavior = FunctionChoiceBehavior.Auto(),
        Temperature = 0.3,
        MaxTokens = 500
    };

    public async Task<string> AnswerAsync(string sessionId, int listingId, string question, CancellationToken ct = default)
    {
        var history = GetHistory(sessionId, listingId);
        history.AddUserMessage(question);

        var reply = await chatCompletion.GetChatMessageContentAsync(history, Settings, kernel, ct);
        var answer = reply.Content ?? "Sorry, I couldn't find that. The agent will follow up with you.";
        history.AddAssistantMessage(answer);

        logger.LogDebug("Answered buyer question for listing {ListingId} in session {SessionId}", listingId, sessionId);
        return answer;
    }

    public async IAsyncEnumerable<string> StreamAnswerAsync(string sessionId, int listingId, string question,
        [EnumeratorCancellation] CancellationToken ct = default)
    {
        var history = GetHistory(sessionId, listingId);
        history.AddUserMessage(question);

        var full = new StringBuilder();
        await foreach (var chunk in chatCompletion.GetStreamingChatMessageContentsAsync(history, Settings, kernel, ct))
        {
            if (string.IsNullOrEmpty(chunk.Content))
            {
                continue;
            }

            full.Append(chunk.Content);
            yield return chunk.Content;
        }

        history.AddAssistantMessage(full.ToString());
    }

    public void EndSession(string sessionId) => cache.Remove(CacheKey(sessionId));

    private ChatHistory GetHistory(string sessionId, int listingId)
    {
        return cache.GetOrCreate(CacheKey(sessionId), entry =>
        {
            entry.SlidingExpiration = SessionLifetime;
            return new ChatHistory(
                $"""
                You are the online assistant for a real-estate agency, answering buyer questions about listing #{listingId}.
                Use the listing tools to look up facts before answering. Be concise and friendly. If asked about
                price negotiation, contracts or building reports, suggest contacting the agent and give their details.
                """);
        })!;
    }

    private static string CacheKey(string sessionId) => $"buyer-chat:{sessionId}";
}
