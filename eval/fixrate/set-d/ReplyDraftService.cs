using LumenMarket.Models;
using Microsoft.Extensions.AI;

namespace LumenMarket.Support;

public interface IReplyDraftService
{
    Task<ReplySuggestion> DraftAsync(TicketReplyRequest request, CancellationToken ct);
    Task<string> SummarizeThreadAsync(IReadOnlyList<string> messages, CancellationToken ct);
}

public sealed class ReplyDraftService(IChatClient chat) : IReplyDraftService
{
    public async Task<ReplySuggestion> DraftAsync(TicketReplyRequest request, CancellationToken ct)
    {
        var prompt = $"""
            Write a reply e-mail to {request.CustomerName}. The first line is the subject, then the body.
            After the body write a line with '---' and up to three follow-up questions, one per line.
            Customer wrote: {request.CustomerMessage}
            Agent notes: {request.AgentNotes ?? "none"}
            """;
        var response = await chat.GetResponseAsync(prompt, new ChatOptions { MaxOutputTokens = 600 }, ct);

        var parts = response.Text.Split("---", 2);
        var head = parts[0].Trim().Split('\n', 2);
        var followUps = new List<string>();
        if (parts.Length > 1)
        {
            foreach (var line in parts[1].Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                followUps.Add(line.TrimStart('-', '*', ' '));
            }
        }

        return new ReplySuggestion(request.TicketId, head[0].Trim(), head.Length > 1 ? head[1].Trim() : string.Empty, followUps);
    }

    public async Task<string> SummarizeThreadAsync(IReadOnlyList<string> messages, CancellationToken ct)
    {
        var thread = string.Join("\n---\n", messages);
        var response = await chat.GetResponseAsync($"Summarize this support thread for an agent in three bullet points:\n{thread}", cancellationToken: ct);
        return response.Text;
    }
}
