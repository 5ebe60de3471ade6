using MenuMuse.Chat;
using MenuMuse.Models;
using Microsoft.AspNetCore.SignalR;

namespace MenuMuse.Hubs;

public interface ICustomerChatClient
{
    Task ReceiveReply(ChatReply reply);
    Task ReceivePromotion(PromotionMessage promotion);
}

public sealed class CustomerChatHub(IDishRecommender recommender, ILogger<CustomerChatHub> logger) : Hub<ICustomerChatClient>
{
    public static string CityGroup(string city) => $"city:{city.ToLowerInvariant()}";

    public async Task JoinCity(string city)
    {
        await Groups.AddToGroupAsync(Context.ConnectionId, CityGroup(city));
        logger.LogInformation("Connection {ConnectionId} subscribed to promotions in {City}", Context.ConnectionId, city);
    }

    public async Task Ask(string merchantId, string message)
    {
        if (string.IsNullOrWhiteSpace(message) || message.Length > 1000)
        {
            throw new HubException("Message must be between 1 and 1000 characters.");
        }

        var text = await recommender.ReplyAsync(Context.ConnectionId, merchantId, message, Context.ConnectionAborted);
        await Clients.Caller.ReceiveReply(new ChatReply(merchantId, text, DateTimeOffset.UtcNow));
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        recommender.EndConversation(Context.ConnectionId);
        return base.OnDisconnectedAsync(exception);
    }
}
