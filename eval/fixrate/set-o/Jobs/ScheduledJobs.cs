using Coravel.Invocable;
using DeepSynth.Compliance.Audit;
using DeepSynth.Compliance.Labeling;
using DeepSynth.Compliance.RealName;
using DeepSynth.Compliance.Review;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.AI;
using ZhengWuTong.Domain;
using ZhengWuTong.Hubs;
using ZhengWuTong.Infrastructure.Ai;
using ZhengWuTong.Infrastructure.Notifications;
using ZhengWuTong.Infrastructure.Storage;
using ZhengWuTong.Services;

namespace ZhengWuTong.Jobs;

/// <summary>Hourly: reminds residents of tomorrow's service-hall appointments.</summary>
public sealed class AppointmentReminderJob(
    GovDataStore store,
    IChatClient chat,
    IQianfanClient qianfan,
    IRealNameGate realName,
    IContentReviewer review,
    IAigcTextLabeler label,
    ISynthesisAuditLog audit,
    ISmsGateway sms,
    IMailDispatcher mail,
    ILogger<AppointmentReminderJob> logger) : IInvocable, ICancellableInvocable
{
    public CancellationToken CancellationToken { get; set; }

    public async Task Invoke()
    {
        var ct = CancellationToken;
        var from = DateTime.UtcNow.AddHours(20);
        var to = DateTime.UtcNow.AddHours(28);

        var due = store.Appointments.Find(a => a.Status == AppointmentStatus.Booked && a.SlotStartUtc >= from && a.SlotStartUtc < to).ToList();
        logger.LogInformation("{Count} appointments due for reminders", due.Count);

        foreach (var appointment in due)
        {
            var account = store.Citizens.FindById(appointment.CitizenId);
            if (account is null)
            {
                continue;
            }

            try
            {
                await RemindBySmsAsync(appointment, account, ct);
                await SendChecklistMailAsync(appointment, account, ct);
            }
            catch (ContentBlockedException ex)
            {
                logger.LogWarning("Reminder for appointment {Id} held at {Stage}", appointment.Id, ex.Verdict.Stage);
            }
            catch (HttpRequestException ex)
            {
                logger.LogWarning(ex, "Reminder delivery failed for appointment {Id}", appointment.Id);
            }
        }
    }

    private async Task RemindBySmsAsync(Appointment appointment, CitizenAccount account, CancellationToken ct)
    {
        if (account.MobileNumber is null || !await realName.IsVerifiedAsync(account.Id, ct))
        {
            return;
        }

        var local = appointment.SlotStartUtc.AddHours(8);
        var response = await chat.GetResponseAsync(
            $"写一条不超过70字的预约提醒短信：{account.DisplayName}，明天{local:HH:mm}在{appointment.HallName}{appointment.WindowNumber}号窗口办理{appointment.ServiceName}，提醒携带身份证原件。",
            new ChatOptions { MaxOutputTokens = 150 }, ct);

        var text = await review.EnsureAllowedAsync(response.Text, ReviewStage.Output, ct);
        await audit.RecordAsync(text, new GenerationRecord
        {
            UserId = account.Id,
            Model = response.ModelId ?? "qwen-plus",
            ContentId = appointment.Id.ToString(),
            Labeled = true
        }, ct);

        await sms.SendAsync(account.MobileNumber, label.Label(text), ct);

        appointment.ReminderText = text;
        appointment.RemindedAt = DateTime.UtcNow;
        appointment.Status = AppointmentStatus.Reminded;
        store.Appointments.Update(appointment);
    }

    private async Task SendChecklistMailAsync(Appointment appointment, CitizenAccount account, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(account.Email))
        {
            return;
        }

        var checklist = await qianfan.ChatAsync(
            "你是政务服务中心的导办员，列出办理该事项需要准备的材料清单和注意事项，每项一行。",
            $"事项：{appointment.ServiceName}（{appointment.ServiceCode}）", ct);

        await mail.SendAsync(account.Email, account.DisplayName, $"预约办理准备清单：{appointment.ServiceName}", checklist.Text, ct);
    }
}

/// <summary>Every morning: composes the city briefing and pushes it to connected residents and the Telegram channel.</summary>
public sealed class DailyBriefingJob(
    INoticeRepository notices,
    IPolicyQaService policyQa,
    IContentReviewer review,
    IAigcTextLabeler label,
    IHubContext<ResidentAssistantHub> hub,
    ITelegramBroadcaster telegram,
    ILogger<DailyBriefingJob> logger) : IInvocable
{
    public async Task Invoke()
    {
        var recent = notices.ListPublished(10)
            .Where(n => n.PublishedAt >= DateTime.UtcNow.AddDays(-1))
            .ToList();
        if (recent.Count == 0)
        {
            logger.LogInformation("No notices published in the last day; briefing skipped");
            return;
        }

        var briefing = await policyQa.ComposeDailyBriefingAsync(recent, CancellationToken.None);
        var text = await review.EnsureAllowedAsync(briefing.Text, ReviewStage.Output);

        await hub.Clients.All.SendAsync("dailyBriefing", new { date = DateTime.UtcNow.AddHours(8).ToString("yyyy-MM-dd"), text = label.Label(text) });
        await telegram.PostToChannelAsync($"📰 今日政务早报\n\n{text}");

        logger.LogInformation("Daily briefing sent ({Tokens} completion tokens)", briefing.CompletionTokens);
    }
}

/// <summary>Queued after a notice is published: English version for foreign-resident subscribers.</summary>
public sealed class NoticeTranslationJob(
    INoticeRepository notices,
    ILetterDraftingService translator,
    GovDataStore store,
    IMailDispatcher mail,
    ILogger<NoticeTranslationJob> logger) : IInvocable, IInvocableWithPayload<string>
{
    public string Payload { get; set; } = string.Empty;

    public async Task Invoke()
    {
        var notice = notices.Get(Payload);
        if (notice is null)
        {
            logger.LogWarning("Notice {Id} vanished before translation", Payload);
            return;
        }

        notice.EnglishBody = await translator.TranslateToEnglishAsync(notice.Body, CancellationToken.None);
        notices.Update(notice);

        var subscribers = store.Subscriptions.Find(s => s.Active && s.Language == "en").ToList();
        foreach (var subscriber in subscribers)
        {
            await mail.SendAsync(subscriber.Email, subscriber.Email, $"City notice: {notice.Title}", notice.EnglishBody);
        }

        logger.LogInformation("Notice {Id} translated and mailed to {Count} subscribers", Payload, subscribers.Count);
    }
}
