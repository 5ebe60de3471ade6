using Microsoft.AspNetCore.SignalR;
using OpenAI.Chat;
using ShopAssist.Hubs;

namespace ShopAssist.Services;

public sealed class OrderUpdateNotifier(IHubContext<SupportHub, ISupportClient> hub, ChatClient chat)
{
    public async Task NotifyDelayAsync(string connectionId, string orderNumber, int days)
    {
        ChatCompletion completion = await chat.CompleteChatAsync($"Apologize that order {orderNumber} is delayed by {days} days.");
        await hub.Clients.Client(connectionId).ReceiveReply("orders", completion.Content[0].Text);
    }
}
