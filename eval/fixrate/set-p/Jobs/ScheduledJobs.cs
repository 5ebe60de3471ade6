using System.Globalization;
using System.Text;
using ClipForge.Configuration;
using ClipForge.Domain;
using ClipForge.Infrastructure;
using ClipForge.Notifications;
using ClipForge.Storage;
using DeepSynth.Compliance;
using DeepSynth.Compliance.Audit;
using DeepSynth.Compliance.Labeling;
using DeepSynth.Compliance.RealName;
using DeepSynth.Compliance.Review;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using Quartz;

namespace ClipForge.Jobs;

/// <summary>Every minute: publish scheduled posts whose time has come.</summary>
[DisallowConcurrentExecution]
public sealed class ScheduledPostJob(
    IPostRepository posts,
    IMediaRepository media,
    IImageStore images,
    ICreatorRepository creators,
    IPlatformPublisher platform,
    IWebPushSender push,
    IStudioNotifier notifier,
    IRealNameGate realName,
    IAigcTextLabeler label,
    IOptions<PlatformOptions> platformOptions,
    TimeProvider clock,
    ILogger<ScheduledPostJob> logger) : IJob
{
    public static readonly JobKey Key = new("publish-scheduled-posts", "publishing");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct)
    {
        var due = await posts.ClaimDueAsync(clock.GetUtcNow(), batchSize: 25, ct);
        foreach (var post in due)
        {
            try
            {
                await PublishAsync(post, ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Publishing post {PostId} failed", post.Id);
                await posts.MarkFailedAsync(post.Id, ex.GetType().Name, ct);
            }
        }
    }

    private async Task PublishAsync(ScheduledPost post, CancellationToken ct)
    {
        if (!await realName.IsVerifiedAsync(post.OwnerId, ct))
        {
            await posts.MarkFailedAsync(post.Id, "creator real-name verification missing", ct);
            return;
        }

        var caption = new StringBuilder();
        if (!string.IsNullOrWhiteSpace(post.UserCaption))
        {
            caption.AppendLine(post.UserCaption);
        }
        if (!string.IsNullOrWhiteSpace(post.AiCaption))
        {
            caption.AppendLine(label.Label(post.AiCaption));
        }
        caption.Append(string.Join(' ', post.Hashtags));

        string? coverUrl = null;
        if (post.CoverId is not null && await media.FindCoverAsync(post.OwnerId, post.CoverId, ct) is { } cover)
        {
            coverUrl = await images.GetPresignedUrlAsync(cover.ObjectKey, ct);
        }

        var externalId = await platform.PublishPostAsync(post.Platform, post.OwnerId, caption.ToString().Trim(), coverUrl, ct);
        var publishedAt = clock.GetUtcNow();
        await posts.MarkPublishedAsync(post.Id, externalId, publishedAt, ct);

        await notifier.NotifyAsync(post.OwnerId, "postPublished", new { post.Id, externalId, publishedAt }, ct);

        var profile = await creators.FindAsync(post.OwnerId, ct);
        if (profile is { PushEndpoints.Count: > 0 })
        {
            var preview = post.AiCaption ?? post.UserCaption ?? string.Empty;
            if (preview.Length > 60)
            {
                preview = preview[..60] + "…";
            }
            await push.SendAsync(profile.PushEndpoints, "作品已发布", preview, platformOptions.Value.ShareBaseUrl + post.Id, ct);
        }
    }
}

/// <summary>Monday 09:00 Beijing time: weekly performance digest per creator, by e-mail (and SMS for those who opted in).</summary>
[DisallowConcurrentExecution]
public sealed class WeeklyDigestJob(
    ICreatorRepository creators,
    IDigestRepository digests,
    [FromKeyedServices("digest")] IChatClient digestModel,
    IRealNameGate realName,
    IContentReviewer review,
    IAigcTextLabeler label,
    ISynthesisAuditLog audit,
    IEmailSender email,
    ISmsSender sms,
    IOptions<AiModelOptions> ai,
    IOptions<NotificationOptions> notifications,
    TimeProvider clock,
    ILogger<WeeklyDigestJob> logger) : IJob
{
    public static readonly JobKey Key = new("weekly-digest", "insights");
    private static readonly TimeZoneInfo Beijing = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct)
    {
        var localNow = TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Beijing);
        var today = DateOnly.FromDateTime(localNow.Date);
        var weekStart = today.AddDays(-(((int)today.DayOfWeek + 6) % 7) - 7);
        var from = weekStart.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddHours(-8);
        var to = from.AddDays(7);

        foreach (var creator in await creators.DigestRecipientsAsync(ct))
        {
            try
            {
                await BuildAndSendAsync(creator, weekStart, from, to, ct);
            }
            catch (ContentBlockedException)
            {
                logger.LogWarning("Digest summary held by review for one creator; metrics-only digest skipped");
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Weekly digest failed for a creator");
            }
        }
    }

    private async Task BuildAndSendAsync(CreatorProfile creator, DateOnly weekStart, DateTime from, DateTime to, CancellationToken ct)
    {
        if (!await realName.IsVerifiedAsync(creator.UserId, ct))
        {
            return;
        }

        var metrics = await digests.MetricsAsync(creator.UserId, from, to, ct);
        var digest = new WeeklyDigest
        {
            OwnerId = creator.UserId,
            WeekStart = weekStart,
            Views = metrics.Sum(m => m.Views),
            Likes = metrics.Sum(m => m.Likes),
            Comments = metrics.Sum(m => m.Comments),
            Shares = metrics.Sum(m => m.Shares),
            FollowerDelta = metrics.Sum(m => m.FollowerDelta),
            TopPostId = metrics.OrderByDescending(m => m.Views).FirstOrDefault()?.PostId,
            Model = ai.Value.Digest.Deployment
        };

        var prompt = string.Create(CultureInfo.InvariantCulture, $"""
            你是短视频运营分析师。用不超过200字总结创作者“{creator.DisplayName}”（领域：{creator.Niche}）上周表现，并给出2条下周建议。
            播放 {digest.Views}，点赞 {digest.Likes}，评论 {digest.Comments}，分享 {digest.Shares}，涨粉 {digest.FollowerDelta}，发布作品 {metrics.Select(m => m.PostId).Distinct().Count()} 条。
            第一句话必须是一句简短的亮点。
            """);
        var response = await digestModel.GetResponseAsync(prompt, new ChatOptions { Temperature = 0.5f }, ct);
        digest.Summary = await review.EnsureAllowedAsync(response.Text.Trim(), ReviewStage.Output, ct);

        await audit.RecordAsync(digest.Summary, new GenerationRecord
        {
            UserId = creator.UserId,
            Model = digest.Model,
            ContentId = digest.Id,
            Kind = GeneratedMediaKind.Text,
            Labeled = true
        }, ct);

        var body = $"""
            {creator.DisplayName}，你好：

            上周（{weekStart:yyyy-MM-dd} 起）数据：播放 {digest.Views:N0} · 点赞 {digest.Likes:N0} · 评论 {digest.Comments:N0} · 分享 {digest.Shares:N0} · 涨粉 {digest.FollowerDelta:+#;-#;0}

            {label.Label(digest.Summary)}

            —— ClipForge
            """;
        await email.SendAsync(creator.Email!, $"ClipForge 周报 · {weekStart:MM月dd日}", body, null, ct);
        digest.EmailedAt = clock.GetUtcNow();
        await digests.UpsertAsync(digest, ct);

        if (creator.SmsOptIn && !string.IsNullOrEmpty(creator.Phone))
        {
            var highlight = digest.Summary.Split('。', 2)[0];
            await sms.SendAsync(creator.Phone, notifications.Value.Sms.DigestTemplate, new Dictionary<string, string>
            {
                ["views"] = digest.Views.ToString(CultureInfo.InvariantCulture),
                ["highlight"] = highlight.Length > 30 ? highlight[..30] : highlight
            }, ct);
        }
    }
}
