using DeepSynth.Compliance;
using DeepSynth.Compliance.Audit;
using DeepSynth.Compliance.Labeling;
using DeepSynth.Compliance.Review;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using XueBa.Coach.Configuration;
using XueBa.Coach.Contracts;
using XueBa.Coach.Infrastructure.Ai;
using XueBa.Coach.Infrastructure.Data;
using XueBa.Coach.Infrastructure.Messaging;
using XueBa.Coach.Infrastructure.Web;

namespace XueBa.Coach.Controllers;

[ApiController]
[Route("api/teacher")]
[Authorize(Policy = "Teacher")]
[RequestTiming]
public sealed class TeacherDashboardController(
    IEssayRepository essays,
    IHunyuanClient hunyuan,
    IClaudeWriter claude,
    IEventBus bus,
    IConnectionMultiplexer redis,
    IOptions<KafkaOptions> kafka,
    IOptions<AiProviderOptions> ai) : ControllerBase
{
    private static DateTimeOffset WeekStart => DateTimeOffset.UtcNow.Date.AddDays(-(((int)DateTime.UtcNow.DayOfWeek + 6) % 7));

    [HttpGet("classes/{classId}/stats")]
    public async Task<ActionResult<ClassStatsDto>> Stats(string classId, CancellationToken ct)
    {
        if (!User.HasClaim("teaches", classId)) return Forbid();

        var stats = await essays.GetClassStatsAsync(classId, WeekStart, ct);
        var db = redis.GetDatabase();
        var students = (int)await db.SetLengthAsync($"class:{classId}:members");
        var minutes = (long?)await db.HashGetAsync($"class:{classId}:tutoring", "minutes") ?? 0;

        return new ClassStatsDto(classId, students, stats.Essays, stats.PendingReview, Math.Round(stats.AverageScore, 1), minutes);
    }

    [HttpGet("classes/{classId}/insight")]
    public async Task<ActionResult<ClassInsightDto>> Insight(string classId, CancellationToken ct)
    {
        if (!User.HasClaim("teaches", classId)) return Forbid();

        var rows = await essays.ListForClassAsync(classId, WeekStart, ct);
        var stats = await essays.GetClassStatsAsync(classId, WeekStart, ct);
        var digest = string.Join("\n", rows.Where(r => r.Feedback != null).Take(30)
            .Select(r => $"- 《{r.Title}》{r.Score}分：{r.Feedback![..Math.Min(120, r.Feedback.Length)]}"));

        var answer = await hunyuan.ChatAsync(
            "你是教研组长。根据本周作文批改摘要，总结全班共性问题（不超过3条）和下周教学建议，不要提及学生姓名。",
            digest.Length == 0 ? "本周暂无批改记录。" : digest,
            0.3,
            ct);

        return new ClassInsightDto(classId, stats.Essays, stats.Reviewed, Math.Round(stats.AverageScore, 1), answer.Text);
    }

    [HttpPost("classes/{classId}/announcement")]
    [RequireRealName]
    public async Task<IActionResult> DraftAnnouncement(
        string classId,
        AnnouncementDraftRequest request,
        [FromServices] IContentReviewer review,
        [FromServices] IAigcTextLabeler label,
        [FromServices] ISynthesisAuditLog audit,
        CancellationToken ct)
    {
        if (!User.HasClaim("teaches", classId)) return Forbid();

        var points = await review.EnsureAllowedAsync(request.Points, ReviewStage.Input, ct);
        var draft = await claude.CompleteAsync(
            $"你在帮班主任给家长写班级通知，语气{request.Tone}、简洁，200字以内，结尾署名“班主任”。",
            points,
            600,
            ct);
        var text = await review.EnsureAllowedAsync(draft.Text, ReviewStage.Output, ct);
        await audit.RecordAsync(text, new GenerationRecord
        {
            UserId = User.UserId(),
            Model = draft.Model,
            Attributes = { ["feature"] = "class-announcement", ["class"] = classId },
        }, ct);

        return Ok(new { classId, draft = label.Label(text), tokens = draft.OutputTokens });
    }

    [HttpPost("essays/{id:guid}/approve")]
    [ServiceFilter(typeof(EssayOwnershipFilter))]
    public async Task<IActionResult> Approve(Guid id, [FromServices] ILearningRepository learning, CancellationToken ct)
    {
        var essay = (EssayRow)HttpContext.Items[EssayOwnershipFilter.EssayItemKey]!;
        if (essay.Feedback is null)
        {
            return Conflict(new ProblemDetails { Title = "该作文还没有批改意见", Status = 409 });
        }

        await essays.ApproveAsync(id, ct);
        var family = await learning.GetFamilyContactAsync(essay.StudentId, ct);
        await bus.PublishAsync(kafka.Value.EssayFeedbackTopic, essay.StudentId, new EssayFeedbackReady(
            essay.Id, essay.StudentId, family?.ParentId, essay.Title, essay.Feedback, essay.Score, essay.FeedbackModel ?? "unknown", DateTimeOffset.UtcNow), ct);

        return Accepted(new { id, status = EssayStatus.Approved });
    }

    [HttpPut("essays/{id:guid}/note")]
    [ServiceFilter(typeof(EssayOwnershipFilter))]
    public async Task<IActionResult> SetNote(Guid id, TeacherNoteRequest request, CancellationToken ct)
    {
        await essays.SetTeacherNoteAsync(id, request.Note.Trim(), ct);
        return Ok(new { id, note = request.Note.Trim(), updatedBy = User.UserId() });
    }

    [HttpGet("models")]
    public IActionResult Models() => Ok(new
    {
        essayFeedback = ai.Value.Anthropic.Model,
        rewrite = ai.Value.Moonshot.Model,
        classInsight = ai.Value.Hunyuan.TextModel,
        illustrations = ai.Value.Hunyuan.ImageModel,
        speech = ai.Value.MiniMax.Model,
        weeklyReports = ai.Value.DeepSeek.Model,
        hints = Path.GetFileName(ai.Value.Local.ModelPath),
    });
}
