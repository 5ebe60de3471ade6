using System.Net;
using DeepSynth.Compliance.Audit;
using DeepSynth.Compliance.Labeling;
using DeepSynth.Compliance.RealName;
using DeepSynth.Compliance.Review;
using Hangfire;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using XueBa.Coach.Configuration;
using XueBa.Coach.Contracts;
using XueBa.Coach.Infrastructure.Ai;
using XueBa.Coach.Infrastructure.Data;
using XueBa.Coach.Infrastructure.Messaging;
using XueBa.Coach.Infrastructure.Notifications;

namespace XueBa.Coach.Background;

/// <summary>Sunday-evening report to parents: numbers from the database, narrative from the model.</summary>
public sealed class WeeklyReportJob(
    ILearningRepository repository,
    [FromKeyedServices("deepseek")] IChatClient chat,
    IRealNameGate gate,
    IContentReviewer review,
    ISynthesisAuditLog audit,
    IAigcTextLabeler label,
    IEmailSender email,
    ISmsSender sms,
    IOptions<AiProviderOptions> ai,
    ILogger<WeeklyReportJob> logger)
{
    [AutomaticRetry(Attempts = 1)]
    [DisableConcurrentExecution(timeoutInSeconds: 3600)]
    public async Task RunAsync(CancellationToken ct)
    {
        var weekStart = DateOnly.FromDateTime(DateTime.UtcNow.Date.AddDays(-(((int)DateTime.UtcNow.DayOfWeek + 6) % 7)));
        var families = await repository.ListFamiliesForWeeklyReportAsync(ct);
        int sent = 0, skipped = 0;

        foreach (var family in families)
        {
            ct.ThrowIfCancellationRequested();
            try
            {
                if (await SendOneAsync(family, weekStart, ct)) sent++; else skipped++;
            }
            catch (ContentBlockedException)
            {
                skipped++;
                logger.LogWarning("Weekly report for a student was held by review");
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                skipped++;
                logger.LogError(ex, "Weekly report failed for one family");
            }
        }

        logger.LogInformation("Weekly reports for {Week}: {Sent} sent, {Skipped} skipped", weekStart, sent, skipped);
    }

    private async Task<bool> SendOneAsync(FamilyContact family, DateOnly weekStart, CancellationToken ct)
    {
        if (!await gate.IsVerifiedAsync(family.ParentId, ct))
        {
            return false;
        }

        var activity = await repository.GetWeeklyActivityAsync(family.StudentId, weekStart, ct);
        var model = ai.Value.DeepSeek.Model;

        var response = await chat.GetResponseAsync(
            [
                new ChatMessage(ChatRole.System, "你是学习顾问，给家长写一段本周学习情况说明（150字左右）：先肯定，再说一个需要关注的点，最后给一条周末建议。不要编造数据。"),
                new ChatMessage(ChatRole.User,
                    $"学生：{family.StudentName}\n学习时长：{activity.MinutesStudied}分钟\n提交作文：{activity.EssaysSubmitted}篇\n" +
                    $"测验正确率：{activity.QuizAverage:P0}\n在线辅导：{activity.TutoringSessions}次"),
            ],
            new ChatOptions { Temperature = 0.5f },
            ct);

        var narrative = await review.EnsureAllowedAsync(response.Text, ReviewStage.Output, ct);
        var reportId = await repository.SaveWeeklyReportAsync(new WeeklyReportRow
        {
            ParentId = family.ParentId,
            StudentId = family.StudentId,
            WeekStart = weekStart,
            MinutesStudied = activity.MinutesStudied,
            EssaysSubmitted = activity.EssaysSubmitted,
            QuizAverage = activity.QuizAverage,
            Narrative = narrative,
            Model = model,
        }, ct);

        await audit.RecordAsync(narrative, new GenerationRecord
        {
            UserId = family.ParentId,
            Model = model,
            ContentId = reportId.ToString("N"),
            Labeled = true,
            Attributes = { ["feature"] = "weekly-report" },
        }, ct);

        if (family.Email is not null)
        {
            var labeled = label.Label(narrative);
            var html = $"""
                <h2>{WebUtility.HtmlEncode(family.StudentName)} 本周学习报告</h2>
                <table><tr><td>学习时长</td><td>{activity.MinutesStudied} 分钟</td></tr>
                <tr><td>作文</td><td>{activity.EssaysSubmitted} 篇</td></tr>
                <tr><td>测验正确率</td><td>{activity.QuizAverage:P0}</td></tr></table>
                <p>{WebUtility.HtmlEncode(labeled)}</p>
                <p><a href="https://app.xueba-coach.cn/reports/{reportId}">查看完整报告</a></p>
                """;
            await email.SendAsync(family.Email, family.ParentName, $"【学霸教练】{family.StudentName}本周学习报告", html, labeled, ct);
        }

        if (family.Mobile is not null)
        {
            var headline = await chat.GetResponseAsync($"用一句不超过25字的话概括：{narrative}", cancellationToken: ct);
            await sms.SendAsync(family.Mobile, $"【学霸教练】本周报告已生成：{headline.Text.Trim()} 详情见App", ct);
        }

        return true;
    }
}

/// <summary>Morning study tip from the local model, broadcast to everyone online.</summary>
public sealed class DailyTipJob(
    ILocalHintModel local,
    IContentReviewer review,
    ISynthesisAuditLog audit,
    IEventBus bus,
    IOptions<KafkaOptions> kafka)
{
    private static readonly string[] Themes = ["错题本", "番茄钟", "晨读", "预习", "复盘", "专注力", "阅读摘抄"];

    public async Task RunAsync(CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(DateTime.Now);
        var theme = Themes[today.DayNumber % Themes.Length];

        var tip = await local.CompleteAsync($"围绕“{theme}”给中小学生写一条今日学习小贴士，40字以内。", ct);
        var allowed = await review.EnsureAllowedAsync(tip, ReviewStage.Output, ct);

        await audit.RecordAsync(allowed, new GenerationRecord
        {
            Model = local.ModelName,
            Attributes = { ["feature"] = "daily-tip", ["theme"] = theme },
        }, ct);

        await bus.PublishAsync(kafka.Value.DailyTipTopic, today.ToString("yyyyMMdd"), new DailyTipPublished(today, allowed, local.ModelName), ct);
    }
}
