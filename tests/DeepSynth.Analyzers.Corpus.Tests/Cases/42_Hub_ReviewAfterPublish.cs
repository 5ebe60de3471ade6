using DeepSynth.Compliance;
using DeepSynth.Compliance.Audit;
using DeepSynth.Compliance.Labeling;
using DeepSynth.Compliance.Review;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.AI;

namespace Classroom.Live;

/// <summary>
/// Answers are sent at once to keep latency low; the review runs afterwards and retracts blocked answers.
/// </summary>
[RequireRealName]
public sealed class ClassroomHub : Hub
{
    private readonly IChatClient _chat;
    private readonly IContentReviewer _reviewer;
    private readonly IAigcTextLabeler _labeler;
    private readonly ISynthesisAuditLog _audit;

    public ClassroomHub(IChatClient chat, IContentReviewer reviewer, IAigcTextLabeler labeler, ISynthesisAuditLog audit)
    {
        _chat = chat;
        _reviewer = reviewer;
        _labeler = labeler;
        _audit = audit;
    }

    public async Task AskForClass(string classId, string question)
    {
        var ct = Context.ConnectionAborted;
        var input = await _reviewer.EnsureAllowedAsync(question, ReviewStage.Input, ct);
        var response = await _chat.GetResponseAsync(input, cancellationToken: ct);
        var answerId = Guid.NewGuid();
        await _audit.RecordAsync(response.Text, new GenerationRecord { UserId = Context.UserIdentifier }, ct);

        await Clients.Group(classId).SendAsync("answer", answerId, _labeler.Label(response.Text), ct); // expect: DSYN003

        var verdict = await _reviewer.ReviewAsync(response.Text, ReviewStage.Output, ct);
        if (!verdict.IsAllowed)
        {
            await Clients.Group(classId).SendAsync("retract", answerId, ct);
        }
    }

    // Same feature done right: review first.
    public async Task AskForClassV2(string classId, string question)
    {
        var ct = Context.ConnectionAborted;
        var input = await _reviewer.EnsureAllowedAsync(question, ReviewStage.Input, ct);
        var response = await _chat.GetResponseAsync(input, cancellationToken: ct);
        var verdict = await _reviewer.ReviewAsync(response.Text, ReviewStage.Output, ct);
        if (!verdict.IsAllowed)
        {
            await Clients.Caller.SendAsync("blocked", ct);
            return;
        }

        await _audit.RecordAsync(response.Text, new GenerationRecord { UserId = Context.UserIdentifier }, ct);
        await Clients.Group(classId).SendAsync("answer", Guid.NewGuid(), _labeler.Label(response.Text), ct);
    }
}
