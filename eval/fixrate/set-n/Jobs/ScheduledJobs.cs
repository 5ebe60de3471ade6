using CareMessenger.Data;
using CareMessenger.Services;
using DeepSynth.Compliance;
using DeepSynth.Compliance.Audit;
using DeepSynth.Compliance.Labeling;
using DeepSynth.Compliance.Metadata;
using DeepSynth.Compliance.RealName;
using DeepSynth.Compliance.Review;
using Markdig;
using Microsoft.EntityFrameworkCore;
using Quartz;

namespace CareMessenger.Jobs;

[DisallowConcurrentExecution]
public sealed class ReminderDispatchJob(
    CareDbContext db,
    IMessageDraftingService drafting,
    ISmsSender sms,
    ILogger<ReminderDispatchJob> logger) : IJob
{
    public static readonly JobKey Key = new("reminder-dispatch", "messaging");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var now = DateTimeOffset.UtcNow;
        var horizon = now.AddHours(24);
        var due = await db.Appointments
            .Where(a => a.Status == AppointmentStatus.Booked && !a.ReminderSent)
            .ToListAsync(cancellationToken);
        due = due.Where(a => a.StartsAt > now && a.StartsAt <= horizon).Take(100).ToList();

        foreach (var appointment in due)
        {
            var patient = await db.Patients.FirstOrDefaultAsync(p => p.Id == appointment.PatientId, cancellationToken);
            if (patient is null || string.IsNullOrEmpty(patient.Mobile))
            {
                continue;
            }
            try
            {
                var reminder = await drafting.DraftReminderAsync(patient, appointment, cancellationToken);
                await sms.SendAsync(patient.Mobile, reminder.Text, cancellationToken);
                db.Drafts.Add(new MessageDraft
                {
                    PatientId = patient.Id,
                    AppointmentId = appointment.Id,
                    Kind = DraftKind.Reminder,
                    State = DraftState.Sent,
                    Body = reminder.Text,
                    Model = reminder.Model,
                    OutputTokens = reminder.OutputTokens,
                    CreatedAt = now,
                    SentAt = DateTimeOffset.UtcNow,
                });
                appointment.ReminderSent = true;
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (HttpRequestException ex)
            {
                logger.LogWarning(ex, "Reminder for appointment {AppointmentId} failed", appointment.Id);
            }
        }
        context.Result = due.Count;
    }
}

[DisallowConcurrentExecution]
public sealed class HealthTipPublisherJob(
    IMessageDraftingService drafting,
    IOfficialAccountClient officialAccount,
    IContentReviewer review,
    IAigcTextLabeler label,
    ISynthesisAuditLog audit,
    IRealNameGate realName,
    IConfiguration configuration,
    ILogger<HealthTipPublisherJob> logger) : IJob
{
    public static readonly JobKey Key = new("health-tip-publisher", "content");

    private static readonly string[] Themes = ["合理膳食", "规律作息", "科学运动", "慢病管理", "儿童免疫", "口腔健康"];

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var operatorId = configuration["OfficialAccount:OperatorUserId"] ?? "";
        if (!await realName.IsVerifiedAsync(operatorId, cancellationToken))
        {
            logger.LogWarning("Official account operator is not verified; weekly tip skipped");
            return;
        }

        var week = System.Globalization.ISOWeek.GetWeekOfYear(DateTime.UtcNow);
        var theme = Themes[week % Themes.Length];
        var season = DateTime.UtcNow.Month switch { >= 3 and <= 5 => "春季", >= 6 and <= 8 => "夏季", >= 9 and <= 11 => "秋季", _ => "冬季" };

        var tip = await drafting.DraftHealthTipAsync(theme, season, cancellationToken);
        var text = await review.EnsureAllowedAsync(tip.Text, ReviewStage.Output, cancellationToken);
        await audit.RecordAsync(text, new GenerationRecord { UserId = operatorId, Model = tip.Model }, cancellationToken);

        var body = Markdown.ToHtml(label.Label(text));
        var metadata = new AigcMetadataBuilder(configuration["DeepSynth:ProviderCode"] ?? "").Build();
        var html = AigcHtmlMeta.Label($"<html><head><meta charset=\"utf-8\"></head><body>{body}</body></html>", metadata);
        var result = await officialAccount.PublishArticleAsync($"健康小贴士｜{theme}", html, null, cancellationToken);
        logger.LogInformation("Weekly tip published: {PublishId} (errcode {ErrCode})", result.PublishId, result.ErrCode);
    }
}
