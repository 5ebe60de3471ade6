using System.Text;
using LumenMarket.Models;
using LumenMarket.Support;
using Microsoft.AspNetCore.SignalR;
using Microsoft.SemanticKernel.ChatCompletion;

namespace LumenMarket.Hubs;

public interface IAgentAssistClient
{
    Task SuggestionReady(string ticketId, string suggestion);
    Task ToneChecked(ToneReport report);
    Task DigestPublished(string digest);
}

/// <summary>Side panel of the agent desk: reply suggestions and tone rewrites while an agent works a ticket.</summary>
public class AgentAssistHub(IChatCompletionService completions, IReplyDraftService drafts) : Hub<IAgentAssistClient>
{
    public const string AgentsGroup = "agents";

    public Task JoinAgents() => Groups.AddToGroupAsync(Context.ConnectionId, AgentsGroup);

    public async Task SuggestReply(string ticketId, string customerMessage)
    {
        var history = new ChatHistory("You help support agents write short, empathetic replies. Never promise refunds.");
        history.AddUserMessage(customerMessage);
        var reply = await completions.GetChatMessageContentAsync(history, cancellationToken: Context.ConnectionAborted);
        await Clients.Caller.SuggestionReady(ticketId, reply.Content ?? string.Empty);
    }

    public async Task RewriteTone(string draft, string tone)
    {
        var history = new ChatHistory($"Rewrite the agent's draft in a {tone} tone. Keep all facts.");
        history.AddUserMessage(draft);

        var rewritten = new StringBuilder();
        await foreach (var chunk in completions.GetStreamingChatMessageContentsAsync(history, cancellationToken: Context.ConnectionAborted))
        {
            rewritten.Append(chunk.Content);
        }
        await Clients.Caller.ToneChecked(new ToneReport(tone, rewritten.ToString(), DateTime.UtcNow));
    }

    public Task<ReplySuggestion> DraftFullReply(TicketReplyRequest request) =>
        drafts.DraftAsync(request, Context.ConnectionAborted);
}
