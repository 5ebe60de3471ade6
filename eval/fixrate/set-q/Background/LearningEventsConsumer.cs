using System.Net;
using System.Text.Json;
using Confluent.Kafka;
using DeepSynth.Compliance.Audit;
using DeepSynth.Compliance.Labeling;
using DeepSynth.Compliance.RealName;
using DeepSynth.Compliance.Review;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using XueBa.Coach.Configuration;
using XueBa.Coach.Contracts;
using XueBa.Coach.Hubs;
using XueBa.Coach.Infrastructure.Ai;
using XueBa.Coach.Infrastructure.Data;
using XueBa.Coach.Infrastructure.Notifications;

namespace XueBa.Coach.Background;

/// <summary>Fans learning events out to the browser (SignalR), parents' phones and mailboxes.</summary>
public sealed class LearningEventsConsumer(
    IServiceScopeFactory scopes,
    IHubContext<TutoringHub> hub,
    IOptions<KafkaOptions> options,
    ILogger<LearningEventsConsumer> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.Factory.StartNew(() => ConsumeLoopAsync(stoppingToken), stoppingToken, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap();

    private async Task ConsumeLoopAsync(CancellationToken ct)
    {
        var kafka = options.Value;
        var config = new ConsumerConfig
        {
            BootstrapServers = kafka.BootstrapServers,
            GroupId = kafka.ConsumerGroup,
            AutoOffsetReset = AutoOffsetReset.Earliest,
            EnableAutoCommit = false,
        };

        using var consumer = new ConsumerBuilder<string, string>(config)
            .SetErrorHandler((_, e) => logger.LogWarning("Kafka consumer error {Reason}", e.Reason))
            .Build();
        consumer.Subscribe([kafka.EssayFeedbackTopic, kafka.TutoringSessionTopic, kafka.DailyTipTopic]);

        while (!ct.IsCancellationRequested)
        {
            ConsumeResult<string, string>? result = null;
            try
            {
                result = consumer.Consume(ct);
                if (result?.Message is null) continue;

                await using var scope = scopes.CreateAsyncScope();
                if (result.Topic == kafka.EssayFeedbackTopic)
                {
                    await OnEssayFeedbackAsync(scope.ServiceProvider, Deserialize<EssayFeedbackReady>(result), ct);
                }
                else if (result.Topic == kafka.TutoringSessionTopic)
                {
                    await OnSessionEndedAsync(scope.ServiceProvider, Deserialize<TutoringSessionEnded>(result), ct);
                }
                else if (result.Topic == kafka.DailyTipTopic)
                {
                    await OnDailyTipAsync(Deserialize<DailyTipPublished>(result), ct);
                }

                consumer.Commit(result);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                break;
            }
            catch (ContentBlockedException ex)
            {
                logger.LogWarning("Event on {Topic} dropped: content {Decision} at {Stage}", result?.Topic, ex.Verdict.Decision, ex.Verdict.Stage);
                if (result is not null) consumer.Commit(result);
            }
            catch (RealNameVerificationRequiredException)
            {
                logger.LogInformation("Event on {Topic} skipped: recipient not verified", result?.Topic);
                if (result is not null) consumer.Commit(result);
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Failed to handle message at {Offset}", result?.TopicPartitionOffset);
                await Task.Delay(TimeSpan.FromSeconds(2), ct);
            }
        }

        consumer.Close();
    }

    private async Task OnEssayFeedbackAsync(IServiceProvider services, EssayFeedbackReady evt, CancellationToken ct)
    {
        var label = services.GetRequiredService<IAigcTextLabeler>();

        await hub.Clients.Group($"user:{evt.StudentId}").SendAsync("essayFeedback", new
        {
            evt.EssayId,
            evt.Title,
            feedback = label.Label(evt.Feedback),
            evt.Score,
        }, ct);

        var family = await services.GetRequiredService<ILearningRepository>().GetFamilyContactAsync(evt.StudentId, ct);
        if (family?.Mobile is null) return;

        var hunyuan = services.GetRequiredService<IHunyuanClient>();
        var gist = await hunyuan.ChatAsync("把老师的作文评语浓缩成一句给家长看的话，30字以内。", evt.Feedback, 0.3, ct);
        await services.GetRequiredService<ISmsSender>().SendAsync(family.Mobile,
            $"【学霸教练】{family.StudentName}的作文《{evt.Title}》已批改{(evt.Score is { } s ? $"，得分{s}" : "")}：{gist.Text}", ct);
    }

    private async Task OnSessionEndedAsync(IServiceProvider services, TutoringSessionEnded evt, CancellationToken ct)
    {
        if (evt.Transcript.Count < 2) return;

        var family = await services.GetRequiredService<ILearningRepository>().GetFamilyContactAsync(evt.StudentId, ct);
        if (family?.Email is null) return;

        var gate = services.GetRequiredService<IRealNameGate>();
        var review = services.GetRequiredService<IContentReviewer>();
        var audit = services.GetRequiredService<ISynthesisAuditLog>();
        var label = services.GetRequiredService<IAigcTextLabeler>();
        var claude = services.GetRequiredService<IClaudeWriter>();

        await gate.EnsureVerifiedAsync(family.ParentId, ct);

        var studentTurns = evt.Transcript.Where(t => t.Role == "student").Select(t => t.Text).ToList();
        await review.EnsureAllTextAllowedAsync(studentTurns, ReviewStage.Input, ct);

        var transcript = string.Join("\n", evt.Transcript.Select(t => $"{(t.Role == "tutor" ? "老师" : "学生")}：{t.Text}"));
        var recap = await claude.CompleteAsync(
            "你在给家长写一次在线辅导的小结：学习内容、孩子的表现、建议家长如何配合。语气温和，不超过250字。",
            transcript, 700, ct);
        var text = await review.EnsureAllowedAsync(recap.Text, ReviewStage.Output, ct);

        await audit.RecordAsync(text, new GenerationRecord
        {
            UserId = family.ParentId,
            Model = recap.Model,
            ContentId = evt.SessionId,
            Labeled = true,
            Attributes = { ["feature"] = "tutoring-recap", ["channel"] = "email" },
        }, ct);

        var labeled = label.Label(text);
        var html = $"<p>{WebUtility.HtmlEncode(family.ParentName)}您好：</p><p>{WebUtility.HtmlEncode(labeled).Replace("\n", "<br/>")}</p>" +
                   $"<p style=\"color:#888\">本次辅导时长 {evt.DurationSeconds / 60} 分钟。</p>";
        await services.GetRequiredService<IEmailSender>().SendAsync(family.Email, family.ParentName,
            $"{family.StudentName}的在线辅导小结", html, labeled, ct);
    }

    private Task OnDailyTipAsync(DailyTipPublished evt, CancellationToken ct) =>
        hub.Clients.All.SendAsync("dailyTip", new { date = evt.Date.ToString("yyyy-MM-dd"), tip = evt.Tip }, ct);

    private static T Deserialize<T>(ConsumeResult<string, string> result) =>
        JsonSerializer.Deserialize<T>(result.Message.Value, JsonSerializerOptions.Web)
        ?? throw new JsonException($"empty {typeof(T).Name} payload");
}
