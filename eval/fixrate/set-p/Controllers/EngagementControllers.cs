using ClipForge.Ai;
using ClipForge.Contracts;
using ClipForge.Domain;
using ClipForge.Messaging;
using ClipForge.Storage;
using DeepSynth.Compliance;
using DeepSynth.Compliance.Audit;
using DeepSynth.Compliance.Labeling;
using DeepSynth.Compliance.Review;
using MassTransit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using StackExchange.Redis;

namespace ClipForge.Controllers;

[ApiController]
[Authorize]
[Route("api/comments")]
public sealed class CommentsController(
    ICommentReplyGenerator replies,
    IReplyDraftRepository drafts,
    IContentReviewer review,
    ISynthesisAuditLog audit,
    IPublishEndpoint bus,
    IConnectionMultiplexer redis) : ControllerBase
{
    private const string PendingKeyPrefix = "clipforge:auto-reply:pending:";

    [HttpPost("reply-suggestions")]
    [RequireRealName]
    public async Task<ActionResult<ReplySuggestionsResponse>> Suggest(ReplySuggestionRequest request, CancellationToken ct)
    {
        await review.EnsureAllTextAllowedAsync(request, ReviewStage.Input, ct);

        var suggestions = await replies.SuggestAsync(
            new CommentContext(request.Platform, request.CommentText, request.AuthorHandle, request.PostContext), 3, ct);
        await review.EnsureAllTextAllowedAsync(suggestions, ReviewStage.Output, ct);

        var draft = new ReplyDraft
        {
            OwnerId = User.GetUserId(),
            Platform = request.Platform,
            CommentId = request.CommentId,
            CommentText = request.CommentText,
            AuthorHandle = request.AuthorHandle,
            Suggestions = suggestions.ToList(),
            Model = replies.Model
        };
        await drafts.InsertAsync(draft, ct);
        await audit.RecordAllTextAsync(suggestions, new GenerationRecord { UserId = draft.OwnerId, Model = replies.Model, ContentId = draft.Id }, ct);

        return Ok(new ReplySuggestionsResponse(draft.Id, suggestions));
    }

    [HttpPost("{draftId}/auto-reply")]
    [RequireRealName]
    public async Task<ActionResult<AcceptedJob>> AutoReply(string draftId, CancellationToken ct)
    {
        var ownerId = User.GetUserId();
        var draft = await drafts.FindAsync(ownerId, draftId, ct);
        if (draft is null)
        {
            return NotFound();
        }
        if (draft.PostedAt is not null)
        {
            return Conflict(new ProblemDetails { Title = "A reply was already posted for this comment." });
        }

        await redis.GetDatabase().StringIncrementAsync(PendingKeyPrefix + ownerId);
        await bus.Publish(new CommentAutoReplyRequested(draft.Id, ownerId, draft.Platform, draft.CommentId), ct);
        return Accepted(new AcceptedJob(draft.Id, "queued"));
    }

    [HttpGet("drafts/{id}")]
    public async Task<ActionResult<ReplyDraftView>> GetDraft(string id, CancellationToken ct)
    {
        var draft = await drafts.FindAsync(User.GetUserId(), id, ct);
        return draft is null
            ? NotFound()
            : new ReplyDraftView(draft.Id, draft.CommentText, draft.AuthorHandle, draft.Suggestions, draft.PostedReply);
    }

    [HttpGet("stats")]
    public async Task<CommentStats> Stats(CancellationToken ct)
    {
        var ownerId = User.GetUserId();
        var row = await drafts.StatsAsync(ownerId, ct);
        var pending = (long)await redis.GetDatabase().StringGetAsync(PendingKeyPrefix + ownerId);
        return new CommentStats(row.Drafts, row.Posted, pending);
    }
}

[ApiController]
[Authorize]
[Route("api/digests")]
public sealed class DigestsController(IDigestRepository digests, IAigcTextLabeler label) : ControllerBase
{
    [HttpGet("latest")]
    public async Task<ActionResult<DigestResponse>> Latest(CancellationToken ct)
    {
        var digest = await digests.LatestAsync(User.GetUserId(), ct);
        if (digest is null)
        {
            return NotFound(new ProblemDetails { Title = "No digest yet", Detail = "Digests are generated every Monday 09:00 (Beijing time)." });
        }

        return new DigestResponse(digest.Id, digest.WeekStart, digest.Views, digest.Likes, digest.Comments, digest.Shares,
            digest.FollowerDelta, label.Label(digest.Summary));
    }

    [HttpGet("history")]
    public async Task<IEnumerable<DigestHistoryItem>> History([FromQuery] int weeks = 12, CancellationToken ct = default)
    {
        var items = await digests.HistoryAsync(User.GetUserId(), Math.Clamp(weeks, 1, 52), ct);
        return items.Select(d => new DigestHistoryItem(d.Id, d.WeekStart, d.Views, d.Likes, d.FollowerDelta, d.EmailedAt is not null));
    }
}
