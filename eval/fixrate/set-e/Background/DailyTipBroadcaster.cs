using Microsoft.AspNetCore.SignalR;
using Microsoft.SemanticKernel;
using StudyBuddy.Hubs;
using StudyBuddy.Infrastructure;
using StudyBuddy.Models;

namespace StudyBuddy.Background;

/// <summary>Pushes a study tip of the day to every connected client and a subject tip to each subject's followers.</summary>
public sealed class DailyTipBroadcaster(
    IHubContext<StudyHub> hub, Kernel kernel, CourseCatalog catalog, ILogger<DailyTipBroadcaster> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromHours(24);
    private static readonly string[] Themes = ["spaced repetition", "taking breaks", "past papers", "sleep before exams"];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        do
        {
            try
            {
                await BroadcastAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Daily tip broadcast failed; trying again tomorrow");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task BroadcastAsync(CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        var general = await kernel.InvokePromptAsync(
            "Give one practical study tip for students, at most 40 words, about {{$theme}}.",
            new KernelArguments { ["theme"] = Themes[today.DayNumber % Themes.Length] },
            cancellationToken: ct);
        await hub.Clients.All.SendAsync("dailyTip", new DailyTip("general", general.ToString(), today), ct);

        foreach (var subject in catalog.Subjects())
        {
            var result = await kernel.InvokePromptAsync(
                $"Give one short revision tip for {subject}, at most 30 words.",
                cancellationToken: ct);
            var tip = result.GetValue<string>();
            if (string.IsNullOrWhiteSpace(tip)) continue;

            await hub.Clients.Group(subject).SendAsync("subjectTip", subject, tip.Trim(), ct);
        }

        logger.LogInformation("Daily tips sent for {Day}", today);
    }
}
