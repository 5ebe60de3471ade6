using Microsoft.AspNetCore.SignalR;
using TripPal.Models;
using TripPal.Services;

namespace TripPal.Hubs;

public interface ITripChatClient
{
    Task SessionJoined(string sessionId, int previousTurns);
    Task AgentTyping(string sessionId);
    Task ReceiveReply(ChatReply reply);
}

public sealed class TripChatHub(ICustomerChatService chat, ILogger<TripChatHub> logger) : Hub<ITripChatClient>
{
    public async Task JoinSession(string sessionId)
    {
        await Groups.AddToGroupAsync(Context.ConnectionId, sessionId);
        await Clients.Caller.SessionJoined(sessionId, chat.TurnCount(sessionId));
    }

    public async Task SendMessage(string sessionId, string text)
    {
        await Clients.Group(sessionId).AgentTyping(sessionId);
        var reply = await chat.ReplyAsync(sessionId, text, Context.ConnectionAborted);
        await Clients.Group(sessionId).ReceiveReply(reply);
        logger.LogDebug("Hub reply for session {SessionId} on connection {ConnectionId}", sessionId, Context.ConnectionId);
    }
}
