using InkWell.Data;
using InkWell.Services;
using Microsoft.AspNetCore.Mvc;

namespace InkWell.Controllers;

public sealed record QueueItem(int CommentId, int ArticleId, string ArticleTitle, string ReaderName, string Text, DateTimeOffset PostedAt);

[ApiController]
[Route("api/moderation")]
public sealed class ModerationController(NewsroomCatalog catalog, SavedDraftRepository drafts, IReplyDraftService replies) : ControllerBase
{
    [HttpGet("queue")]
    public ActionResult<IEnumerable<QueueItem>> GetQueue([FromQuery] int? articleId)
    {
        var pending = catalog.Comments
            .Where(c => c.Status == CommentStatus.Pending && (articleId is null || c.ArticleId == articleId))
            .OrderBy(c => c.PostedAt)
            .Select(c => new QueueItem(c.Id, c.ArticleId, catalog.FindArticle(c.ArticleId)?.Title ?? "", c.ReaderName, c.Text, c.PostedAt));
        return Ok(pending);
    }

    [HttpPost("comments/{commentId:int}/reply-drafts")]
    public async Task<ActionResult<ReplyDraftDto>> DraftReply(int commentId, [FromBody] ReplyDraftRequest request, CancellationToken cancellationToken)
    {
        var comment = catalog.FindComment(commentId);
        var article = comment is null ? null : catalog.FindArticle(comment.ArticleId);
        if (comment is null || article is null)
        {
            return NotFound($"Comment {commentId} is not in the queue.");
        }

        var draft = await replies.DraftReplyAsync(comment, article, request, cancellationToken);
        return CreatedAtAction(nameof(GetReplyDraft), new { id = draft.Id }, draft);
    }

    [HttpGet("reply-drafts/{id:guid}")]
    public ActionResult<ReplyDraftDto> GetReplyDraft(Guid id)
    {
        var saved = drafts.Get(id);
        if (saved is null || saved.Kind != DraftKind.CommentReply)
        {
            return NotFound();
        }

        return new ReplyDraftDto(saved.Id, saved.CommentId ?? 0, saved.ArticleId, saved.Text, saved.CreatedBy, saved.Model, saved.CreatedAt);
    }
}
