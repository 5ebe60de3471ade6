using Anthropic;
using Anthropic.Models.Messages;
using LinguaPath.Data;
using LinguaPath.Models;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;
using Quartz;

namespace LinguaPath.Jobs;

/// <summary>
/// Sunday evening: summarises each student's week and e-mails it to the parent address on file.
/// </summary>
[DisallowConcurrentExecution]
public sealed class WeeklyReportJob(
    TutorDbContext db,
    AnthropicClient anthropic,
    IOptions<SmtpOptions> smtpOptions,
    TimeProvider clock,
    ILogger<WeeklyReportJob> logger) : IJob
{
    public static readonly JobKey Key = new("weekly-parent-report", "notifications");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var smtp = smtpOptions.Value;
        var weekStart = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(-7);

        var students = await db.Students.AsNoTracking()
            .Where(s => s.ParentEmail != null)
            .ToListAsync(cancellationToken);

        using var client = new SmtpClient();
        await client.ConnectAsync(smtp.Host, smtp.Port, SecureSocketOptions.StartTlsWhenAvailable, cancellationToken);
        if (!string.IsNullOrEmpty(smtp.User))
        {
            await client.AuthenticateAsync(smtp.User, smtp.Password, cancellationToken);
        }

        foreach (var student in students)
        {
            var week = await db.Progress.AsNoTracking()
                .Where(p => p.StudentId == student.Id && p.Day >= weekStart)
                .OrderBy(p => p.Day)
                .ToListAsync(cancellationToken);

            var essays = await db.Essays.AsNoTracking()
                .Where(e => e.StudentId == student.Id)
                .OrderByDescending(e => e.Id)
                .Take(3)
                .Select(e => e.Feedback)
                .ToListAsync(cancellationToken);

            var summary = await SummariseAsync(student, week, essays, cancellationToken);

            var message = new MimeMessage();
            message.From.Add(new MailboxAddress(smtp.FromName, smtp.FromAddress));
            message.To.Add(MailboxAddress.Parse(student.ParentEmail!));
            message.Subject = $"{student.DisplayName}'s week on LinguaPath";
            message.Body = new BodyBuilder
            {
                TextBody = summary,
                HtmlBody = $"<h2>{student.DisplayName}'s weekly progress</h2><div style=\"white-space:pre-wrap\">{System.Net.WebUtility.HtmlEncode(summary)}</div>",
            }.ToMessageBody();

            await client.SendAsync(message, cancellationToken);
            logger.LogInformation("Weekly report sent for student {StudentId}", student.Id);
        }

        await client.DisconnectAsync(true, cancellationToken);
    }

    private async Task<string> SummariseAsync(Student student, List<ProgressEntry> week, List<string> recentFeedback, CancellationToken ct)
    {
        var activity = week.Count == 0
            ? "No study sessions were recorded this week."
            : string.Join("\n", week.Select(p =>
                $"{p.Day:ddd}: {p.MinutesStudied} min, {p.ExercisesCompleted} exercises, score {p.Score:0}, weak area: {p.WeakArea ?? "-"}"));

        var parameters = new MessageCreateParams
        {
            Model = Model.ClaudeSonnet4_6,
            MaxTokens = 700,
            System = "You write warm, concise weekly progress e-mails to parents of language students. " +
                     "Mention effort, strengths, one thing to practise next week and a way parents can help at home. " +
                     "Plain text, no headings, under 200 words.",
            Messages =
            [
                new UserMessageParam(
                    $"Student: {student.DisplayName}, learning {student.TargetLanguage} at level {student.Level}.\n" +
                    $"Activity:\n{activity}\n\nRecent teacher feedback on essays:\n{string.Join("\n---\n", recentFeedback)}"),
            ],
        };

        var response = await anthropic.Messages.Create(parameters, ct);

        var parts = new List<string>();
        foreach (var block in response.Content)
        {
            if (block.TryPickText(out var text))
            {
                parts.Add(text.Text);
            }
        }

        return string.Join("\n", parts).Trim();
    }
}
