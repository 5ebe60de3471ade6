using System.Security.Claims;
using DeepSynth.Compliance;
using DeepSynth.Compliance.Audit;
using DeepSynth.Compliance.Labeling;
using DeepSynth.Compliance.Review;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.AI;

namespace ChatService.Hubs;

/// <summary>A chat hub that streams the model's answer token by token.</summary>
public class ChatHub(IChatClient chat, IContentReviewer review, IAigcTextLabeler label, ISynthesisAuditLog audit) : Hub
{
    // COMPLIANT: real-name required; the label notice goes out first (GB 45438 allows a notice beside streamed text);
    // every chunk is reviewed and recorded before it is sent.
    [RequireRealName]
    public async Task Ask(string prompt)
    {
        var cancellationToken = Context.ConnectionAborted;
        var userId = Context.User?.FindFirstValue(ClaimTypes.NameIdentifier);
        var reviewed = await review.EnsureAllowedAsync(prompt, ReviewStage.Input, cancellationToken);
        await Clients.Caller.SendAsync("notice", label.Notice, cancellationToken);
        await foreach (var update in chat.GetStreamingResponseAsync(reviewed, cancellationToken: cancellationToken))
        {
            var chunk = await review.EnsureAllowedAsync(update.Text, ReviewStage.Output, cancellationToken);
            await audit.RecordAsync(chunk, new GenerationRecord { UserId = userId, Model = update.ModelId }, cancellationToken);
            await Clients.Caller.SendAsync("token", chunk, cancellationToken);
        }
    }

    // NOT COMPLIANT (deliberately): tokens stream straight from the model to the caller.
    // Expected: DSYN004 at GetStreamingResponseAsync; DSYN001, DSYN002, DSYN003, DSYN005 at SendAsync.
    public async Task AskQuickly(string prompt)
    {
        await foreach (var update in chat.GetStreamingResponseAsync(prompt))
        {
            await Clients.Caller.SendAsync("token", update.Text);
        }
    }
}
