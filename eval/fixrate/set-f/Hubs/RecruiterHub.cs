using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.AI;
using TalentDesk.Models;
using TalentDesk.Services;

namespace TalentDesk.Hubs;

public class RecruiterHub(IChatClient chat, ICandidateEmailDrafter emails) : Hub
{
    public Task JoinTeam(string team) => Groups.AddToGroupAsync(Context.ConnectionId, $"team:{team}");

    public async Task AskAssistant(string question)
    {
        var response = await chat.GetResponseAsync(question);
        await Clients.Caller.SendAsync("assistantReply", response.Text);
    }

    public async IAsyncEnumerable<string> StreamAnswer(string question, [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var update in chat.GetStreamingResponseAsync(question, cancellationToken: ct))
        {
            yield return update.Text;
        }
    }

    public async Task ShareEmailDraft(string team, EmailDraftRequest request)
    {
        var draft = await emails.DraftAsync(request);
        await Clients.Group($"team:{team}").SendAsync("emailDraftShared", new
        {
            from = request.RecruiterName,
            draft.Subject,
            preview = draft.Body.Length > 200 ? draft.Body[..200] + "…" : draft.Body,
            draft.DraftedAt,
        });
    }
}
