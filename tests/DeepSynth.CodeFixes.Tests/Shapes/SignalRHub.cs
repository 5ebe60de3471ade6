using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.AI;

namespace Chat.Realtime;

public class ConversationHub(IChatClient chat) : Hub
{
    public async Task Ask(string question)
    {
        await foreach (var update in chat.GetStreamingResponseAsync(question))
        {
            await Clients.Caller.SendAsync("token", update.Text);
        }
    }

    public async Task<string> Suggest(string topic)
    {
        var response = await chat.GetResponseAsync("Suggest a title for " + topic);
        return response.Text;
    }
}
