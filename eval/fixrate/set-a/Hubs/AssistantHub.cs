using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.AI;

namespace WriterApp.Hubs;

public sealed class AssistantHub : Hub
{
    private readonly IChatClient _chat;

    public AssistantHub(IChatClient chat) => _chat = chat;

    public async Task Ask(string question)
    {
        var response = await _chat.GetResponseAsync(question);
        await Clients.Caller.SendAsync("answer", response.Text);
    }

    public async Task Broadcast(string room, string topic)
    {
        var response = await _chat.GetResponseAsync("Write a short announcement about " + topic);
        await Clients.Group(room).SendAsync("announcement", new { topic, text = response.Text });
    }

    public async IAsyncEnumerable<string> StreamAnswer(string question)
    {
        await foreach (var update in _chat.GetStreamingResponseAsync(question))
        {
            if (!string.IsNullOrEmpty(update.Text))
            {
                yield return update.Text;
            }
        }
    }
}
