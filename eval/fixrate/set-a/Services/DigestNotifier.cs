using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.AI;
using WriterApp.Hubs;

namespace WriterApp.Services;

public sealed class DigestNotifier(IHubContext<AssistantHub> hub, IChatClient chat)
{
    public async Task SendDailyDigestAsync(string userId, string notes)
    {
        var response = await chat.GetResponseAsync("Summarize today's notes: " + notes);
        await hub.Clients.User(userId).SendAsync("digest", response.Text);
    }
}
