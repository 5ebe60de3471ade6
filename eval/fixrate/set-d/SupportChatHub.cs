using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.AI;

namespace LumenMarket.Hubs;

public class SupportChatHub(IChatClient chat, ILogger<SupportChatHub> logger) : Hub
{
    private static readonly ConcurrentDictionary<string, List<ChatMessage>> Conversations = new();

    public async Task Ask(string message)
    {
        var history = Conversations.GetOrAdd(Context.ConnectionId, _ =>
            [new ChatMessage(ChatRole.System, "You are Lumen Market's live chat assistant. Answer in at most four sentences.")]);
        history.Add(new ChatMessage(ChatRole.User, message));

        var answer = new StringBuilder();
        await foreach (var update in chat.GetStreamingResponseAsync(history, cancellationToken: Context.ConnectionAborted))
        {
            if (string.IsNullOrEmpty(update.Text))
            {
                continue;
            }
            answer.Append(update.Text);
            await Clients.Caller.SendAsync("token", update.Text);
        }

        history.Add(new ChatMessage(ChatRole.Assistant, answer.ToString()));
        await Clients.Caller.SendAsync("done");
    }

    public async Task SuggestProduct(string need)
    {
        var response = await chat.GetResponseAsync(
            $"A shopper needs: {need}. Suggest one product category from a home, kitchen and outdoor shop and say why in two sentences.");
        await Clients.Caller.SendAsync("suggestion", new { need, suggestion = response.Text });
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        Conversations.TryRemove(Context.ConnectionId, out _);
        logger.LogDebug("Chat {ConnectionId} closed", Context.ConnectionId);
        return base.OnDisconnectedAsync(exception);
    }
}
