using System.Collections.Concurrent;
using LexDesk.Configuration;
using LexDesk.Models;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Connectors.OpenAI;

namespace LexDesk.Services;

public interface ILegalAdvisorChat
{
    Task<ChatTurn> AskAsync(string conversationId, string question, CancellationToken cancellationToken = default);
    IReadOnlyList<ChatTurn> History(string conversationId);
}

public sealed class LegalAdvisorChat(Kernel kernel, IOptions<LexDeskOptions> options, ILogger<LegalAdvisorChat> logger) : ILegalAdvisorChat
{
    // Conversations live for the lifetime of the process until we add a real store.
    private static readonly ConcurrentDictionary<string, ChatHistory> Conversations = new();

    public async Task<ChatTurn> AskAsync(string conversationId, string question, CancellationToken cancellationToken = default)
    {
        var history = Conversations.GetOrAdd(conversationId, _ => new ChatHistory(
            $"你是{options.Value.FirmName}的客户服务助手，回答客户关于合同和商事法律的一般性问题。涉及具体案件策略时，建议客户与承办律师沟通。"));
        history.AddUserMessage(question);
        while (history.Count > options.Value.MaxChatTurns * 2 + 1)
            history.RemoveAt(1);

        var completion = kernel.GetRequiredService<IChatCompletionService>();
        var settings = new OpenAIPromptExecutionSettings { Temperature = 0.4, MaxTokens = 900 };
        var reply = await completion.GetChatMessageContentAsync(history, settings, kernel, cancellationToken);

        var answer = reply.Content ?? "抱歉，暂时无法回答这个问题，请联系您的承办律师。";
        history.AddAssistantMessage(answer);
        logger.LogInformation("Conversation {ConversationId}: {Turns} messages", conversationId, history.Count);
        return new ChatTurn("assistant", answer, DateTimeOffset.UtcNow);
    }

    public IReadOnlyList<ChatTurn> History(string conversationId) =>
        Conversations.TryGetValue(conversationId, out var history)
            ? history.Where(m => m.Role != AuthorRole.System).Select(m => new ChatTurn(m.Role.Label, m.Content ?? "", DateTimeOffset.UtcNow)).ToList()
            : [];
}
