using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.AI;

namespace TeamChat.Hubs;

/// <summary>Team chat rooms with an "@bot" assistant.</summary>
public class RoomHub : Hub
{
    private readonly IChatClient _chat;
    private readonly ILogger<RoomHub> _logger;

    public RoomHub(IChatClient chat, ILogger<RoomHub> logger)
    {
        _chat = chat;
        _logger = logger;
    }

    public override async Task OnConnectedAsync()
    {
        await Clients.Caller.SendAsync("welcome", "欢迎加入！输入 @bot 提问。");
        await base.OnConnectedAsync();
    }

    public async Task Join(string room)
    {
        await Groups.AddToGroupAsync(Context.ConnectionId, room);
        await Clients.Group(room).SendAsync("joined", Context.UserIdentifier);
    }

    // Human messages are relayed as they are; messages to @bot also get an answer for the whole room.
    public async Task Send(string room, string message)
    {
        await Clients.Group(room).SendAsync("message", Context.UserIdentifier, message);

        if (!message.StartsWith("@bot", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var question = message["@bot".Length..].Trim();
        var reply = await _chat.GetResponseAsync(question, cancellationToken: Context.ConnectionAborted); // expect: DSYN004
        await Clients.Group(room).SendAsync("message", "bot", reply.Text); // expect: DSYN001, DSYN002, DSYN003, DSYN005
    }

    // Streaming to the caller only.
    public async IAsyncEnumerable<string> Ask(string prompt, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        _logger.LogDebug("Streaming answer for {Connection}", Context.ConnectionId);
        await foreach (var update in _chat.GetStreamingResponseAsync(prompt, cancellationToken: cancellationToken)) // expect: DSYN004
        {
            yield return update.Text; // expect: DSYN001, DSYN002, DSYN003, DSYN005
        }
    }

    public Task Typing(string room) => Clients.OthersInGroup(room).SendAsync("typing", Context.UserIdentifier);
}
