using LexDesk.Models;
using LexDesk.Services;
using Microsoft.AspNetCore.SignalR;

namespace LexDesk.Hubs;

public interface IConsultationClient
{
    Task ReceiveAnswer(ChatTurn turn);
    Task ReceiveHistory(IReadOnlyList<ChatTurn> turns);
    Task DeadlineReminder(DeadlineReminderMessage reminder);
}

public sealed record DeadlineReminderMessage(string MatterId, string MatterTitle, IReadOnlyList<string> Deadlines, string Message, DateTimeOffset SentAt);

public sealed class ConsultationHub(ILegalAdvisorChat advisor) : Hub<IConsultationClient>
{
    public static string MatterGroup(string matterId) => $"matter:{matterId}";

    public Task JoinMatter(string matterId) => Groups.AddToGroupAsync(Context.ConnectionId, MatterGroup(matterId));

    public async Task Ask(string conversationId, string question)
    {
        if (string.IsNullOrWhiteSpace(question))
            return;

        var answer = await advisor.AskAsync(conversationId, question.Trim(), Context.ConnectionAborted);
        await Clients.Caller.ReceiveAnswer(answer);
    }

    public Task LoadHistory(string conversationId) => Clients.Caller.ReceiveHistory(advisor.History(conversationId));
}
