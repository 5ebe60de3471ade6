using ClipForge.Ai;
using ClipForge.Configuration;
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
using Microsoft.Extensions.Options;

namespace ClipForge.Controllers;

[ApiController]
[Authorize]
[RequireRealName]
[Route("api/posts")]
public sealed class PostsController(
    IPostRepository posts,
    IScriptRepository scripts,
    ICaptionWriter captions,
    IContentReviewer review,
    IAigcTextLabeler label,
    ISynthesisAuditLog audit,
    IPublishEndpoint bus,
    IOptions<PlatformOptions> platform,
    TimeProvider clock) : ControllerBase
{
    [HttpPost]
    public async Task<ActionResult<PostResponse>> Schedule(SchedulePostRequest request, CancellationToken ct)
    {
        if (request.PublishAt < clock.GetUtcNow().AddMinutes(2))
        {
            return ValidationProblem(detail: "PublishAt must be at least two minutes in the future.");
        }
        if (!request.GenerateCaption && string.IsNullOrWhiteSpace(request.UserCaption))
        {
            return ValidationProblem(detail: "Provide a caption or ask for a generated one.");
        }

        var ownerId = User.GetUserId();
        await review.EnsureAllTextAllowedAsync(request, ReviewStage.Input, ct);

        var post = new ScheduledPost
        {
            OwnerId = ownerId,
            Platform = request.Platform,
            ScriptId = request.ScriptId,
            CoverId = request.CoverId,
            UserCaption = request.UserCaption,
            PublishAt = request.PublishAt
        };

        if (request.GenerateCaption)
        {
            var script = request.ScriptId is null ? null : await scripts.FindAsync(ownerId, request.ScriptId, ct);
            var caption = await captions.WriteCaptionAsync(request.Platform, script?.Body, request.UserCaption, ct);
            post.AiCaption = await review.EnsureAllowedAsync(caption.Caption, ReviewStage.Output, ct);
            post.Hashtags = caption.Hashtags.ToList();
            post.CaptionModel = caption.Model;

            await audit.RecordAsync(post.AiCaption, new GenerationRecord
            {
                UserId = ownerId,
                Model = caption.Model,
                ContentId = post.Id,
                Kind = GeneratedMediaKind.Text,
                Labeled = true
            }, ct);
        }

        await posts.InsertAsync(post, ct);
        return CreatedAtAction(nameof(Get), new { id = post.Id }, ToResponse(post));
    }

    [HttpGet]
    public async Task<IEnumerable<PostListItem>> List(CancellationToken ct)
    {
        var items = await posts.ListAsync(User.GetUserId(), ct);
        return items.Select(p => new PostListItem(p.Id, p.Platform, p.Status.ToString(), p.PublishAt, p.AiCaption is not null, p.ExternalPostId));
    }

    [HttpGet("{id}")]
    public async Task<ActionResult<PostResponse>> Get(string id, CancellationToken ct)
    {
        var post = await posts.FindAsync(User.GetUserId(), id, ct);
        return post is null ? NotFound() : ToResponse(post);
    }

    [HttpGet("{id}/user-caption")]
    public async Task<ActionResult<string>> GetUserCaption(string id, CancellationToken ct)
    {
        var post = await posts.FindAsync(User.GetUserId(), id, ct);
        return post is null ? NotFound() : Ok(post.UserCaption ?? string.Empty);
    }

    [HttpPost("{id}/variants")]
    public async Task<ActionResult<AcceptedJob>> RequestVariants(string id, CaptionVariantsRequest request, CancellationToken ct)
    {
        var post = await posts.FindAsync(User.GetUserId(), id, ct);
        if (post is null)
        {
            return NotFound();
        }
        if (post.AiCaption is null && post.UserCaption is null)
        {
            return Conflict(new ProblemDetails { Title = "Post has no caption to vary." });
        }

        var count = Math.Clamp(request.Count, 2, platform.Value.MaxCaptionVariants);
        var jobId = NewId.NextGuid().ToString("N");
        await bus.Publish(new CaptionVariantsRequested(jobId, post.Id, post.OwnerId, count), ct);
        return Accepted(new AcceptedJob(jobId, "queued"));
    }

    [HttpGet("{id}/variants")]
    public async Task<ActionResult<IReadOnlyList<string>>> GetVariants(string id, CancellationToken ct)
    {
        var post = await posts.FindAsync(User.GetUserId(), id, ct);
        return post is null ? NotFound() : Ok(post.CaptionVariants);
    }

    [HttpDelete("{id}")]
    public async Task<IActionResult> Cancel(string id, CancellationToken ct) =>
        await posts.CancelAsync(User.GetUserId(), id, ct) ? NoContent() : NotFound();

    private PostResponse ToResponse(ScheduledPost post) => new(
        post.Id,
        post.Platform,
        post.Status.ToString(),
        post.PublishAt,
        post.UserCaption,
        post.AiCaption is null ? null : label.Label(post.AiCaption),
        post.Hashtags);
}
