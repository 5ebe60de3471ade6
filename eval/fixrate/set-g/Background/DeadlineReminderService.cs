using LexDesk.Configuration;
using LexDesk.Data;
using LexDesk.Hubs;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace LexDesk.Background;

/// <summary>Every few hours, reminds the people watching a matter of its upcoming deadlines.</summary>
public sealed class DeadlineReminderService(
    IMatterStore store,
    IChatClient chat,
    IHubContext<ConsultationHub, IConsultationClient> hub,
    IOptionsMonitor<LexDeskOptions> options,
    ILogger<DeadlineReminderService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try { await SendRemindersAsync(stoppingToken); }
            catch (Exception ex) when (ex is not OperationCanceledException) { logger.LogError(ex, "Deadline reminder run failed"); }

            await Task.Delay(options.CurrentValue.ReminderInterval, stoppingToken);
        }
    }

    private async Task SendRemindersAsync(CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(DateTime.Today);
        var horizon = today.AddDays(options.CurrentValue.ReminderLookaheadDays);

        foreach (var matter in store.ListMatters())
        {
            var upcoming = new List<string>();
            foreach (var deadline in matter.Deadlines.Where(d => d.DueOn >= today && d.DueOn <= horizon).OrderBy(d => d.DueOn))
                upcoming.Add($"{deadline.Description}：{deadline.DueOn:yyyy年M月d日}（还剩{deadline.DueOn.DayNumber - today.DayNumber}天）");
            if (upcoming.Count == 0)
                continue;

            var prompt = $"请用两三句话提醒客户以下事项的截止日期，语气礼貌、简洁。案件：{matter.Title}。\n" + string.Join("\n", upcoming);
            var response = await chat.GetResponseAsync(prompt, cancellationToken: ct);

            var reminder = new DeadlineReminderMessage(matter.Id, matter.Title, upcoming, response.Text, DateTimeOffset.UtcNow);
            await hub.Clients.Group(ConsultationHub.MatterGroup(matter.Id)).DeadlineReminder(reminder);
            logger.LogInformation("Sent deadline reminder for {MatterId} ({Count} items)", matter.Id, upcoming.Count);
        }
    }
}
