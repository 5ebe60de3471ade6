using ClipForge.Ai;
using ClipForge.Infrastructure;
using ClipForge.Notifications;
using ClipForge.Storage;
using DeepSynth.Compliance;
using DeepSynth.Compliance.Audit;
using DeepSynth.Compliance.Labeling;
using DeepSynth.Compliance.RealName;
using DeepSynth.Compliance.Review;
using MassTransit;
using StackExchange.Redis;

namespace ClipForge.Messaging;

public sealed record CaptionVariantsRequested(string JobId, string PostId, string OwnerId, int Count);

public sealed record CommentAutoReplyRequested(string DraftId, string OwnerId, string Platform, string CommentId);

public sealed record CaptionVariantsReady(string JobId, string PostId, IReadOnlyList<string> Variants);

/// <summary>Generates A/B caption variants and tells the studio tab over Redis → SignalR.</summary>
public sealed class CaptionVariantsConsumer(
    IPostRepository posts,
    ICaptionWriter captions,
    IStudioNotifier notifier,
    ILogger<CaptionVariantsConsumer> logger) : IConsumer<CaptionVariantsRequested>
{
    public async Task Consume(ConsumeContext<CaptionVariantsRequested> context)
    {
        var msg = context.Message;
        var post = await posts.FindAsync(msg.OwnerId, msg.PostId, context.CancellationToken);
        if (post is null)
        {
            logger.LogInformation("Post {PostId} disappeared before variants were generated", msg.PostId);
            return;
        }

        var baseCaption = post.AiCaption ?? post.UserCaption ?? string.Empty;
        var variants = await captions.VariantsAsync(post.Platform, baseCaption, msg.Count, context.CancellationToken);
        await posts.SetVariantsAsync(post.Id, variants, context.CancellationToken);

        await notifier.NotifyAsync(msg.OwnerId, "captionVariantsReady",
            new CaptionVariantsReady(msg.JobId, post.Id, variants), context.CancellationToken);
    }
}

/// <summary>Writes and posts a reply to a viewer comment on the creator's behalf.</summary>
public sealed class CommentAutoReplyConsumer(
    IReplyDraftRepository drafts,
    ICommentReplyGenerator replies,
    IPlatformPublisher platform,
    IRealNameGate realName,
    IContentReviewer review,
    IAigcTextLabeler label,
    ISynthesisAuditLog audit,
    IConnectionMultiplexer redis,
    TimeProvider clock,
    ILogger<CommentAutoReplyConsumer> logger) : IConsumer<CommentAutoReplyRequested>
{
    public async Task Consume(ConsumeContext<CommentAutoReplyRequested> context)
    {
        var msg = context.Message;
        var ct = context.CancellationToken;
        try
        {
            var draft = await drafts.FindAsync(msg.OwnerId, msg.DraftId, ct);
            if (draft is null || draft.PostedAt is not null)
            {
                return;
            }

            await realName.EnsureVerifiedAsync(msg.OwnerId, ct);
            var comment = await review.EnsureAllowedAsync(draft.CommentText, ReviewStage.Input, ct);

            var reply = await replies.ComposeAsync(new CommentContext(draft.Platform, comment, draft.AuthorHandle, null), ct);
            reply = await review.EnsureAllowedAsync(reply, ReviewStage.Output, ct);
            var labeled = label.Label(reply);

            await audit.RecordAsync(reply, new GenerationRecord
            {
                UserId = msg.OwnerId,
                Model = replies.Model,
                ContentId = draft.Id,
                Kind = GeneratedMediaKind.Text,
                Labeled = true
            }, ct);

            await platform.ReplyToCommentAsync(draft.Platform, msg.OwnerId, draft.CommentId, labeled, ct);
            await drafts.MarkPostedAsync(draft.Id, labeled, clock.GetUtcNow(), ct);
        }
        catch (ContentBlockedException ex)
        {
            logger.LogWarning("Auto-reply {DraftId} stopped by review at {Stage}", msg.DraftId, ex.Verdict.Stage);
        }
        finally
        {
            await redis.GetDatabase().StringDecrementAsync("clipforge:auto-reply:pending:" + msg.OwnerId);
        }
    }
}
