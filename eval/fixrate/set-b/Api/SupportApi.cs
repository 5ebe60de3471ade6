using OpenAI.Chat;
using ShopAssist.Models;

namespace ShopAssist.Api;

public static class SupportApi
{
    public static void MapSupportApi(this WebApplication app)
    {
        app.MapPost("/api/support/suggest", Suggest);

        app.MapPost("/api/support/batch", async (SupportTicket[] tickets, ChatClient chat) =>
        {
            var replies = new List<SuggestedReply>();
            foreach (var ticket in tickets)
            {
                ChatCompletion completion = await chat.CompleteChatAsync(ticket.CustomerMessage);
                replies.Add(new SuggestedReply(ticket.Id, completion.Content[0].Text, 0.5f));
            }

            return replies;
        });

        async Task<IResult> Suggest(SupportTicket ticket, ChatClient chat)
        {
            var reply = await DraftAsync(ticket.CustomerMessage);
            return Results.Ok(new SuggestedReply(TicketId: ticket.Id, Reply: reply, Confidence: 0.8f));

            async Task<string> DraftAsync(string message)
            {
                ChatCompletion completion = await chat.CompleteChatAsync("Draft a polite reply to: " + message);
                return completion.Content[0].Text;
            }
        }
    }
}
