using System.Runtime.CompilerServices;
using ClipForge.Ai;
using ClipForge.Contracts;
using DeepSynth.Compliance;
using DeepSynth.Compliance.Labeling;
using DeepSynth.Compliance.Review;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace ClipForge.Hubs;

/// <summary>Studio editor connection: live script drafting, plus server events (variants ready, post published).</summary>
[Authorize]
[RequireRealName]
public sealed class StudioHub(IScriptWriter writer, IContentReviewer review, IAigcTextLabeler label, ILogger<StudioHub> logger) : Hub
{
    public async IAsyncEnumerable<string> StreamScript(GenerateScriptRequest request, [EnumeratorCancellation] CancellationToken ct)
    {
        var topic = await review.EnsureAllowedAsync(request.Topic, ReviewStage.Input, ct);
        var brief = new ScriptBrief(topic, request.Platform, Math.Clamp(request.DurationSeconds, 15, 600), request.Tone ?? "轻松", request.Notes);

        await foreach (var token in label.LabelStream(writer.StreamAsync(brief, ct), ct))
        {
            yield return token;
        }
    }

    public Task JoinScript(string scriptId) => Groups.AddToGroupAsync(Context.ConnectionId, $"script:{scriptId}");

    public Task LeaveScript(string scriptId) => Groups.RemoveFromGroupAsync(Context.ConnectionId, $"script:{scriptId}");

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        if (exception is not null)
        {
            logger.LogDebug(exception, "Studio connection {Connection} dropped", Context.ConnectionId);
        }
        return base.OnDisconnectedAsync(exception);
    }
}

/// <summary>Chat widget in the creator dashboard.</summary>
[Authorize]
public sealed class AssistantHub(ICreatorAssistant assistant, ILogger<AssistantHub> logger) : Hub
{
    public async Task Ask(string sessionId, string message)
    {
        var userId = Context.User!.GetUserId();
        var ct = Context.ConnectionAborted;
        var messageId = Guid.NewGuid().ToString("N");

        await Clients.Caller.SendAsync("assistantStarted", messageId, ct);
        try
        {
            await foreach (var token in assistant.StreamAsync(userId, sessionId, message, ct))
            {
                await Clients.Caller.SendAsync("assistantToken", messageId, token, ct);
            }
            await Clients.Caller.SendAsync("assistantCompleted", messageId, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Assistant stream failed");
            await Clients.Caller.SendAsync("assistantFailed", messageId, "助手暂时不可用，请稍后再试。", ct);
        }
    }
}
