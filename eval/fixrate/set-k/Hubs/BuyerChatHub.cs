using System.Runtime.CompilerServices;
using System.Text;
using ListingAssistant.Data;
using ListingAssistant.Models;
using ListingAssistant.Services;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;

namespace ListingAssistant.Hubs;

public sealed class BuyerChatHub(
    IBuyerAssistant assistant,
    IDbContextFactory<ListingDbContext> dbFactory,
    ILogger<BuyerChatHub> logger) : Hub
{
    public static string ListingGroup(int listingId) => $"listing-{listingId}";
    public static string AgentGroup(int agentId) => $"agent-{agentId}";

    public async Task JoinListing(int listingId)
    {
        await Groups.AddToGroupAsync(Context.ConnectionId, ListingGroup(listingId));
        await Clients.Caller.SendAsync("joined", listingId);
    }

    public async Task JoinAsAgent(int agentId)
    {
        await Groups.AddToGroupAsync(Context.ConnectionId, AgentGroup(agentId));
    }

    public async Task Ask(int listingId, string question)
    {
        var answer = await assistant.AnswerAsync(Context.ConnectionId, listingId, question, Context.ConnectionAborted);
        var dto = new BuyerAnswerDto(listingId, question, answer, DateTime.UtcNow);

        await Clients.Caller.SendAsync("answer", dto);

        var agentId = await SaveLeadAsync(listingId, question, answer);
        if (agentId is not null)
        {
            await Clients.Group(AgentGroup(agentId.Value)).SendAsync("newLead", dto);
        }
    }

    public async IAsyncEnumerable<string> AskStreaming(int listingId, string question,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var full = new StringBuilder();
        await foreach (var token in assistant.StreamAnswerAsync(Context.ConnectionId, listingId, question, cancellationToken))
        {
            full.Append(token);
            yield return token;
        }

        await SaveLeadAsync(listingId, question, full.ToString());
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        assistant.EndSession(Context.ConnectionId);
        if (exception is not null)
        {
            logger.LogWarning(exception, "Buyer chat connection {ConnectionId} dropped", Context.ConnectionId);
        }
        return base.OnDisconnectedAsync(exception);
    }

    private async Task<int?> SaveLeadAsync(int listingId, string question, string answer)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var agentId = await db.Listings.Where(l => l.Id == listingId).Select(l => (int?)l.AgentId).FirstOrDefaultAsync();
        if (agentId is null)
        {
            return null;
        }

        db.BuyerLeads.Add(new BuyerLead
        {
            ListingId = listingId,
            ConnectionId = Context.ConnectionId,
            Question = question,
            Answer = answer
        });
        await db.SaveChangesAsync();
        return agentId;
    }
}
