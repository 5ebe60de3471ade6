using DeepSynth.Compliance;
using DeepSynth.Compliance.Audit;
using DeepSynth.Compliance.Labeling;
using DeepSynth.Compliance.Review;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.AI;

namespace Workspace.Collab;

public sealed class BoardHub : Hub
{
}

public sealed record BrainstormRequest(string BoardId, string Topic);

public interface IBoardNotifier
{
    Task PublishIdeasAsync(string boardId, string ideas, CancellationToken cancellationToken);
}

/// <summary>Pushes to everyone looking at a board.</summary>
public sealed class BoardNotifier(IHubContext<BoardHub> hub) : IBoardNotifier
{
    public Task PublishIdeasAsync(string boardId, string ideas, CancellationToken cancellationToken) =>
        hub.Clients.Group($"board:{boardId}").SendAsync("ideas", ideas, cancellationToken);
}

[ApiController]
[Route("api/boards")]
[Authorize]
public sealed class BrainstormController(
    IChatClient chat,
    IContentReviewer reviewer,
    IAigcTextLabeler labeler,
    ISynthesisAuditLog audit,
    IBoardNotifier notifier,
    IHubContext<BoardHub> hub) : ControllerBase
{
    // Generates sticky-note ideas and pushes them to the board through a notifier service.
    [HttpPost("brainstorm")]
    public async Task<IActionResult> Brainstorm(BrainstormRequest request, CancellationToken ct)
    {
        var topic = await reviewer.EnsureAllowedAsync(request.Topic, ReviewStage.Input, ct);
        var response = await chat.GetResponseAsync($"列出关于「{topic}」的五个点子，每行一个。", cancellationToken: ct);
        var ideas = await reviewer.EnsureAllowedAsync(response.Text, ReviewStage.Output, ct);
        await audit.RecordAsync(ideas, new GenerationRecord { Model = response.ModelId }, ct);
        await notifier.PublishIdeasAsync(request.BoardId, labeler.Label(ideas), ct); // expect: DSYN002
        return Accepted();
    }

    // Same thing, pushed from the action itself; this one forgot the label.
    [HttpPost("brainstorm/direct")]
    public async Task<IActionResult> BrainstormDirect(BrainstormRequest request, CancellationToken ct)
    {
        var topic = await reviewer.EnsureAllowedAsync(request.Topic, ReviewStage.Input, ct);
        var response = await chat.GetResponseAsync($"列出关于「{topic}」的五个点子，每行一个。", cancellationToken: ct);
        var ideas = await reviewer.EnsureAllowedAsync(response.Text, ReviewStage.Output, ct);
        await audit.RecordAsync(ideas, new GenerationRecord { Model = response.ModelId }, ct);
        await hub.Clients.Group($"board:{request.BoardId}").SendAsync("ideas", ideas, ct); // expect: DSYN001, DSYN002
        return Accepted();
    }
}
