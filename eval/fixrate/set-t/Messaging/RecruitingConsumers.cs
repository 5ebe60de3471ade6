using DeepSynth.Compliance;
using DeepSynth.Compliance.Audit;
using DeepSynth.Compliance.Labeling;
using DeepSynth.Compliance.Review;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using ZhaoPinCopilot.Ai;
using ZhaoPinCopilot.Data;
using ZhaoPinCopilot.Infrastructure;

namespace ZhaoPinCopilot.Messaging;

public sealed record RejectionRequested(Guid ApplicationId, string RequestedBy, string? InternalNote);

public sealed record InterviewCompleted(Guid InterviewId, string CompletedBy);

public sealed record FeedbackReportReady(
    Guid InterviewId,
    string HiringManagerEmail,
    string JobTitle,
    string CandidateName,
    string Report);

public sealed class RejectionLetterConsumer(
    RecruitingDbContext db,
    IRecruitingAssistant assistant,
    IEmailSender email,
    IAigcTextLabeler label,
    ISynthesisAuditLog audit,
    ILogger<RejectionLetterConsumer> logger) : IConsumer<RejectionRequested>
{
    public async Task Consume(ConsumeContext<RejectionRequested> context)
    {
        var ct = context.CancellationToken;
        var message = context.Message;

        var application = await db.Applications.AsNoTracking()
            .Include(a => a.Candidate)
            .Include(a => a.Job)
            .FirstOrDefaultAsync(a => a.Id == message.ApplicationId, ct);
        if (application?.Candidate is null || application.Job is null)
        {
            logger.LogWarning("Application {ApplicationId} vanished before the rejection letter was written", message.ApplicationId);
            return;
        }

        var letter = await assistant.WriteRejectionLetterAsync(application.Candidate.FullName, application.Job.Title, message.InternalNote, ct);

        await audit.RecordAsync(letter, new GenerationRecord
        {
            UserId = message.RequestedBy,
            Model = assistant.Model,
            ContentId = application.Id.ToString("N"),
        }, ct);

        await email.SendAsync(application.Candidate.Email, application.Candidate.FullName,
            $"关于「{application.Job.Title}」岗位的申请结果", label.Label(letter), ct);
    }
}

public sealed class InterviewFeedbackConsumer(
    RecruitingDbContext db,
    IInterviewKitService kit,
    FeedbackFeed feed,
    IContentReviewer review,
    ISynthesisAuditLog audit,
    ILogger<InterviewFeedbackConsumer> logger) : IConsumer<InterviewCompleted>
{
    public async Task Consume(ConsumeContext<InterviewCompleted> context)
    {
        var ct = context.CancellationToken;
        var interview = await db.Interviews
            .Include(i => i.Application).ThenInclude(a => a!.Candidate)
            .Include(i => i.Application).ThenInclude(a => a!.Job)
            .FirstOrDefaultAsync(i => i.Id == context.Message.InterviewId, ct);

        var application = interview?.Application;
        if (interview is null || application?.Candidate is null || application.Job is null)
        {
            logger.LogWarning("Interview {InterviewId} not found", context.Message.InterviewId);
            return;
        }

        if (string.IsNullOrWhiteSpace(interview.InterviewerNotes))
        {
            logger.LogInformation("Interview {InterviewId} has no notes; skipping the report", interview.Id);
            return;
        }

        var report = await kit.WriteFeedbackReportAsync(application.Job.Title, application.Candidate.FullName,
            interview.InterviewerNotes, interview.Recommendation, ct);
        var text = await review.EnsureAllowedAsync(report.Text, ReviewStage.Output, ct);

        await audit.RecordAsync(text, new GenerationRecord
        {
            UserId = context.Message.CompletedBy,
            Model = report.Model,
            ContentId = interview.Id.ToString("N"),
        }, ct);

        interview.FeedbackReport = text;
        interview.ReportModel = report.Model;
        interview.ReportGeneratedAt = DateTime.UtcNow;
        await db.SaveChangesAsync(ct);

        await feed.PublishAsync(new FeedbackReportEvent(interview.Id, application.Candidate.FullName,
            application.Job.Title, text, report.Model, interview.ReportGeneratedAt.Value));

        if (!string.IsNullOrEmpty(application.Job.HiringManagerEmail))
        {
            await context.Publish(new FeedbackReportReady(interview.Id, application.Job.HiringManagerEmail,
                application.Job.Title, application.Candidate.FullName, text), ct);
        }
    }
}

public sealed class FeedbackReadyNotificationConsumer(IEmailSender email, IAigcTextLabeler label) : IConsumer<FeedbackReportReady>
{
    public Task Consume(ConsumeContext<FeedbackReportReady> context)
    {
        var m = context.Message;
        var body = $"""
            {m.CandidateName} 的「{m.JobTitle}」面试反馈报告已生成：

            {label.Label(m.Report)}

            请在招聘助手后台查看完整记录并确认下一步安排。
            """;
        return email.SendAsync(m.HiringManagerEmail, "Hiring Manager", $"面试反馈：{m.CandidateName} / {m.JobTitle}", body, context.CancellationToken);
    }
}
