using System.Runtime.CompilerServices;
using System.Text;
using InkWell.Data;
using OpenAI.Chat;

namespace InkWell.Services;

public interface IReaderQaService
{
    IAsyncEnumerable<string> AnswerAsync(int articleId, string question, CancellationToken cancellationToken);
    Task<IReadOnlyList<string>> SuggestQuestionsAsync(int articleId, CancellationToken cancellationToken);
}

/// <summary>The "Ask about this story" bot under each article.</summary>
public sealed class ReaderQaService : IReaderQaService
{
    private readonly ChatClient _chat;
    private readonly NewsroomCatalog _catalog;

    public ReaderQaService(IConfiguration configuration, NewsroomCatalog catalog)
    {
        var model = configuration["InkWell:AI:ReaderModel"] ?? "gpt-4o-mini";
        _chat = new ChatClient(model, configuration["InkWell:AI:OpenAIKey"] ?? "");
        _catalog = catalog;
    }

    public async IAsyncEnumerable<string> AnswerAsync(int articleId, string question, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var article = _catalog.FindArticle(articleId) ?? throw new KeyNotFoundException($"Article {articleId} not found");

        var context = new StringBuilder();
        context.AppendLine("Answer readers' questions using only the article below. If the article does not say, say so.");
        context.AppendLine($"Title: {article.Title} (by {_catalog.AuthorName(article.AuthorId)}, {article.PublishedAt:d MMMM yyyy})");
        context.AppendLine(article.Body);

        var messages = new List<ChatMessage> { new SystemChatMessage(context.ToString()), new UserChatMessage(question) };
        await foreach (StreamingChatCompletionUpdate update in _chat.CompleteChatStreamingAsync(messages, cancellationToken: cancellationToken))
        {
            foreach (var part in update.ContentUpdate)
            {
                yield return part.Text;
            }
        }
    }

    public async Task<IReadOnlyList<string>> SuggestQuestionsAsync(int articleId, CancellationToken cancellationToken)
    {
        if (_catalog.FindArticle(articleId) is not { } article) return [];

        ChatCompletion completion = await _chat.CompleteChatAsync(
            [new UserChatMessage($"List three short questions a reader might ask about \"{article.Title}\". One per line, no numbering.")],
            cancellationToken: cancellationToken);

        return completion.Content[0].Text
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Take(3)
            .ToList();
    }
}
