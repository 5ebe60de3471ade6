using System.Runtime.CompilerServices;
using MassTransit;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.AI;
using ShopCopilot.Data;
using ShopCopilot.Models;
using ShopCopilot.Services;

namespace ShopCopilot.Hubs;

public sealed class BuyerChatHub(IBuyerAssistant assistant, IContentStore store, IPublishEndpoint bus, ILogger<BuyerChatHub> logger) : Hub
{
    public override async Task OnConnectedAsync()
    {
        var sessionId = Context.GetHttpContext()?.Request.Query["session"].ToString();
        if (!string.IsNullOrEmpty(sessionId))
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, sessionId);
        }

        await base.OnConnectedAsync();
    }

    public async Task Ask(string sessionId, string sku, string question)
    {
        await store.AppendChatTurnAsync(sessionId, "buyer", question, Context.ConnectionAborted);
        var history = await store.GetChatTurnsAsync(sessionId, 12, Context.ConnectionAborted);
        var messages = history
            .Select(t => new ChatMessage(t.Role == "buyer" ? ChatRole.User : ChatRole.Assistant, t.Text))
            .ToList();

        var answer = await assistant.AnswerAsync(sku, question, messages, Context.ConnectionAborted);
        await store.AppendChatTurnAsync(sessionId, "assistant", answer, Context.ConnectionAborted);
        await Clients.Group(sessionId).SendAsync("answer", new { sessionId, sku, text = answer });
    }

    public async IAsyncEnumerable<string> AskStreaming(string sessionId, string sku, string question,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await store.AppendChatTurnAsync(sessionId, "buyer", question, cancellationToken);
        var collected = new System.Text.StringBuilder();
        await foreach (var token in assistant.StreamAnswerAsync(sku, question, cancellationToken))
        {
            collected.Append(token);
            yield return token;
        }

        await store.AppendChatTurnAsync(sessionId, "assistant", collected.ToString(), cancellationToken);
    }

    public async Task AskLater(string sessionId, string sku, string question)
    {
        await bus.Publish(new BuyerQuestionReceived(sessionId, Context.ConnectionId, sku, question));
        await Clients.Caller.SendAsync("queued", new { sessionId, position = "pending" });
    }

    public async Task Typing(string sessionId, bool isTyping) =>
        await Clients.OthersInGroup(sessionId).SendAsync("typing", new { sessionId, isTyping });

    public Task<string> Ping() => Task.FromResult($"pong {DateTimeOffset.UtcNow:O}");

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        if (exception is not null)
        {
            logger.LogWarning(exception, "Chat connection {Connection} dropped", Context.ConnectionId);
        }

        return base.OnDisconnectedAsync(exception);
    }
}

public interface ISellerNotifier
{
    Task AnswerReadyAsync(string connectionId, string sessionId, string text, CancellationToken ct);
    Task TranslationReadyAsync(string sellerId, long listingId, string language, string title, CancellationToken ct);
    Task PushTextRefreshedAsync(string sku, string text, CancellationToken ct);
    Task JobFinishedAsync(string jobName, int items, CancellationToken ct);
}

public sealed class SellerNotifier(IHubContext<BuyerChatHub> hub) : ISellerNotifier
{
    public Task AnswerReadyAsync(string connectionId, string sessionId, string text, CancellationToken ct) =>
        hub.Clients.Client(connectionId).SendAsync("answer", new { sessionId, text }, ct);

    public Task TranslationReadyAsync(string sellerId, long listingId, string language, string title, CancellationToken ct) =>
        hub.Clients.User(sellerId).SendAsync("translationReady", new { listingId, language, title }, ct);

    public Task PushTextRefreshedAsync(string sku, string text, CancellationToken ct) =>
        hub.Clients.Group($"sku:{sku}").SendAsync("pushText", new { sku, text }, ct);

    public Task JobFinishedAsync(string jobName, int items, CancellationToken ct) =>
        hub.Clients.Group("dashboard").SendAsync("jobFinished", new { jobName, items, at = DateTimeOffset.UtcNow }, ct);
}
