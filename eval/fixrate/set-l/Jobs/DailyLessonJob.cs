using LinguaPath.Data;
using LinguaPath.Hubs;
using LinguaPath.Services;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using Quartz;

namespace LinguaPath.Jobs;

/// <summary>
/// Runs every morning: writes one short reading lesson per (language, level) that has a course,
/// stores it, and pings connected students of that language.
/// </summary>
[DisallowConcurrentExecution]
public sealed class DailyLessonJob(
    TutorDbContext db,
    IStudyTipClient llm,
    IHubContext<ConversationHub> hub,
    TimeProvider clock,
    ILogger<DailyLessonJob> logger) : IJob
{
    public static readonly JobKey Key = new("daily-lesson", "content");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

        var targets = await db.Courses.AsNoTracking()
            .Select(c => new { c.Language, c.Level })
            .Distinct()
            .ToListAsync(cancellationToken);

        foreach (var target in targets)
        {
            var exists = await db.DailyLessons.AnyAsync(
                l => l.Date == today && l.Language == target.Language && l.Level == target.Level, cancellationToken);
            if (exists)
            {
                continue;
            }

            try
            {
                var text = await llm.CompleteAsync(
                    $"You write short daily reading lessons in language '{target.Language}' for CEFR {target.Level} learners.",
                    $"Write today's lesson for {today:dddd d MMMM}. First line: the title. Then a 150-word text on an everyday topic, " +
                    "followed by five key vocabulary items with English glosses and two comprehension questions.",
                    maxTokens: 900,
                    ct: cancellationToken);

                var split = text.Split('\n', 2, StringSplitOptions.TrimEntries);
                var lesson = new DailyLesson
                {
                    Date = today,
                    Language = target.Language,
                    Level = target.Level,
                    Title = split[0].TrimStart('#', ' '),
                    Body = split.Length > 1 ? split[1] : text,
                    CreatedAt = clock.GetUtcNow(),
                };

                db.DailyLessons.Add(lesson);
                await db.SaveChangesAsync(cancellationToken);

                await hub.Clients.Group(ConversationHub.LanguageGroup(target.Language))
                    .SendAsync("DailyLessonReady", new
                    {
                        lesson.Id,
                        lesson.Level,
                        lesson.Title,
                        preview = lesson.Body.Length > 200 ? lesson.Body[..200] + "…" : lesson.Body,
                    }, cancellationToken);

                logger.LogInformation("Daily lesson {LessonId} created for {Language}/{Level}", lesson.Id, target.Language, target.Level);
            }
            catch (HttpRequestException ex)
            {
                logger.LogError(ex, "Daily lesson generation failed for {Language}/{Level}", target.Language, target.Level);
            }
        }
    }
}
