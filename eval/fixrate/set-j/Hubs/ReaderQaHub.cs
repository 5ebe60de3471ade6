using System.Runtime.CompilerServices;
using InkWell.Services;
using Microsoft.AspNetCore.SignalR;

namespace InkWell.Hubs;

public sealed class ReaderQaHub(IReaderQaService qa, ILogger<ReaderQaHub> logger) : Hub
{
    public async Task JoinArticle(int articleId)
    {
        await Groups.AddToGroupAsync(Context.ConnectionId, $"article-{articleId}");
        logger.LogInformation("Connection {ConnectionId} joined article {ArticleId}", Context.ConnectionId, articleId);
    }

    // Streamed to the client with connection.stream("Ask", articleId, question).
    public async IAsyncEnumerable<string> Ask(int articleId, string question, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(question))
        {
            yield break;
        }

        await foreach (var token in qa.AnswerAsync(articleId, question.Trim(), cancellationToken))
        {
            yield return token;
        }
    }

    public async Task RequestSuggestedQuestions(int articleId)
    {
        var questions = await qa.SuggestQuestionsAsync(articleId, Context.ConnectionAborted);
        await Clients.Caller.SendAsync("SuggestedQuestions", articleId, questions);
    }
}
