using System.Runtime.CompilerServices;
using System.Text;
using CareMessenger.Data;
using CareMessenger.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace CareMessenger.Hubs;

[Authorize]
public sealed class PortalChatHub(IMessageDraftingService drafting, IPortalReadStore reads, CareDbContext db, ILogger<PortalChatHub> logger) : Hub
{
    public async IAsyncEnumerable<string> Ask(int patientId, string question, [EnumeratorCancellation] CancellationToken ct)
    {
        var history = await reads.GetChatHistoryAsync(patientId, 10, ct);
        var answer = new StringBuilder();
        await foreach (var token in drafting.StreamPortalAnswerAsync(question, history, ct))
        {
            answer.Append(token);
            yield return token;
        }

        var now = DateTimeOffset.UtcNow;
        db.ChatTurns.Add(new ChatTurn { PatientId = patientId, Role = "user", Text = question, At = now });
        db.ChatTurns.Add(new ChatTurn { PatientId = patientId, Role = "assistant", Text = answer.ToString(), At = now.AddMilliseconds(1) });
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Portal chat turn stored for patient {PatientId}", patientId);
    }

    public Task<string> Echo(string text) => Task.FromResult(text);

    public async Task<int> HistoryLength(int patientId) =>
        (await reads.GetChatHistoryAsync(patientId, 200, Context.ConnectionAborted)).Count;

    public override async Task OnConnectedAsync()
    {
        await Clients.Caller.SendAsync("welcome", new { connectionId = Context.ConnectionId, serverTime = DateTimeOffset.UtcNow });
        await base.OnConnectedAsync();
    }
}

[Authorize(Roles = "staff")]
public sealed class StaffNotificationsHub : Hub
{
    public Task JoinReviewers() => Groups.AddToGroupAsync(Context.ConnectionId, "reviewers");

    public Task LeaveReviewers() => Groups.RemoveFromGroupAsync(Context.ConnectionId, "reviewers");
}
