using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.AI;

namespace TravelDesk.Features.Chat;

public interface IConciergeClient
{
    Task Answer(string text);

    Task Tip(string text);
}

public sealed class ConciergeHub(IChatClient chat) : Hub<IConciergeClient>
{
    public async Task Ask(string question)
    {
        var response = await chat.GetResponseAsync([new ChatMessage(ChatRole.System, "You are a hotel concierge."), new ChatMessage(ChatRole.User, question)]);
        await Clients.Caller.Answer(response.Text);
    }

    public async IAsyncEnumerable<string> AskStreaming(string question)
    {
        await foreach (var update in chat.GetStreamingResponseAsync(question))
        {
            yield return update.Text;
        }
    }
}
