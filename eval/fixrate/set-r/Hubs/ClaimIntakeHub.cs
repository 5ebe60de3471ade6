using System.Runtime.CompilerServices;
using System.Text;
using DeepSynth.Compliance;
using DeepSynth.Compliance.Audit;
using DeepSynth.Compliance.Labeling;
using DeepSynth.Compliance.Review;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using PeiFu.Claims.AI;
using PeiFu.Claims.Grains;
using PeiFu.Claims.Security;

namespace PeiFu.Claims.Hubs;

/// <summary>Real-time intake chat for the mobile app, plus the fraud desk board feed.</summary>
[Authorize]
public sealed class ClaimIntakeHub(
    IClaimAssistant assistant,
    IGrainFactory grains,
    IContentReviewer review,
    IAigcTextLabeler labeler,
    ISynthesisAuditLog audit,
    IOptions<AiOptions> aiOptions,
    ILogger<ClaimIntakeHub> logger) : Hub
{
    public const string FraudDeskGroup = "fraud-desk";

    public override async Task OnConnectedAsync()
    {
        if (Context.User?.IsInRole("fraud-analyst") == true)
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, FraudDeskGroup);
        }
        await base.OnConnectedAsync();
    }

    public Task JoinClaim(string claimId) => Groups.AddToGroupAsync(Context.ConnectionId, ClaimGroup(claimId));

    public Task LeaveClaim(string claimId) => Groups.RemoveFromGroupAsync(Context.ConnectionId, ClaimGroup(claimId));

    /// <summary>Streams the assistant's reply token by token (client uses connection.stream).</summary>
    [RequireRealName]
    public async IAsyncEnumerable<string> StreamReply(string claimId, string message,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var input = await review.EnsureAllowedAsync(message, ReviewStage.Input, cancellationToken);
        var session = grains.GetGrain<IClaimSessionGrain>(claimId);
        await session.AppendTurnAsync("customer", input);

        var tokens = assistant.StreamReplyAsync(claimId, input, cancellationToken);
        var reviewed = review.ReviewStream(tokens, ReviewStage.Output, cancellationToken);
        var recorded = audit.RecordStream(reviewed, new GenerationRecord
        {
            UserId = Context.User!.GetUserId(),
            Model = aiOptions.Value.ChatModel,
            ContentId = $"{claimId}:{Guid.NewGuid():N}",
            Labeled = true
        }, cancellationToken);

        var reply = new StringBuilder();
        await foreach (var token in labeler.LabelStream(recorded, cancellationToken))
        {
            reply.Append(token);
            yield return token;
        }

        await session.AppendTurnAsync("assistant", reply.ToString());
    }

    /// <summary>Older app versions: tokens pushed as "assistantToken" events with a typing indicator.</summary>
    public async Task AskWithTyping(string claimId, string message)
    {
        var ct = Context.ConnectionAborted;
        var input = await review.EnsureAllowedAsync(message, ReviewStage.Input, ct);

        await Clients.Caller.SendAsync("assistantTyping", true, ct);
        await Clients.Caller.SendAsync("assistantNotice", labeler.Notice, ct);
        try
        {
            await foreach (var token in assistant.StreamReplyAsync(claimId, input, ct))
            {
                await Clients.Caller.SendAsync("assistantToken", token, ct);
            }
        }
        finally
        {
            await Clients.Caller.SendAsync("assistantTyping", false, ct);
        }
    }

    /// <summary>Refreshes the intake summary and shares it with everyone watching the claim (customer and adjuster).</summary>
    public async Task RequestSummary(string claimId)
    {
        var summary = await grains.GetGrain<IClaimSessionGrain>(claimId).RefreshSummaryAsync();
        if (summary is null)
        {
            await Clients.Caller.SendAsync("summaryUnavailable", claimId);
            return;
        }
        logger.LogDebug("Summary refreshed for {ClaimId}", claimId);
        await Clients.Group(ClaimGroup(claimId)).SendAsync("summaryReady", claimId, summary);
    }

    /// <summary>Turn counts for the adjuster dashboard badge.</summary>
    public async Task<object> GetSessionStats(string claimId)
    {
        var snapshot = await grains.GetGrain<IClaimSessionGrain>(claimId).GetSnapshotAsync();
        return new { snapshot.ClaimId, snapshot.CustomerTurns, snapshot.TotalTurns, snapshot.LastActivity };
    }

    private static string ClaimGroup(string claimId) => $"claim:{claimId}";
}
