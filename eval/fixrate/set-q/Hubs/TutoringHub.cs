using System.Runtime.CompilerServices;
using System.Text.Json;
using DeepSynth.Compliance;
using DeepSynth.Compliance.Audit;
using DeepSynth.Compliance.Labeling;
using DeepSynth.Compliance.Review;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using XueBa.Coach.Configuration;
using XueBa.Coach.Contracts;
using XueBa.Coach.Infrastructure.Ai;
using XueBa.Coach.Infrastructure.Messaging;
using XueBa.Coach.Infrastructure.Web;

namespace XueBa.Coach.Hubs;

/// <summary>Live one-to-one tutoring chat plus classroom broadcasts.</summary>
[Authorize]
[RequireRealName]
public sealed class TutoringHub(
    IChatClient chat,
    IHunyuanClient hunyuan,
    ILocalHintModel local,
    IConnectionMultiplexer redis,
    IEventBus bus,
    IContentReviewer review,
    IAigcTextLabeler label,
    ISynthesisAuditLog audit,
    IOptions<KafkaOptions> kafka,
    IOptions<AiProviderOptions> ai,
    ILogger<TutoringHub> logger) : Hub
{
    private const string TutorPersona = "你是学霸教练的在线辅导老师。用启发式提问引导学生自己得出答案，每次回答不超过150字。";

    public override async Task OnConnectedAsync()
    {
        var user = Context.User!;
        await Groups.AddToGroupAsync(Context.ConnectionId, $"user:{user.UserId()}");
        if (user.ClassId() is { } classId)
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, $"class:{classId}");
            await redis.GetDatabase().SetAddAsync($"class:{classId}:members", user.UserId());
        }
        await base.OnConnectedAsync();
    }

    public async Task<string> StartSession()
    {
        var sessionId = Guid.NewGuid().ToString("N");
        var db = redis.GetDatabase();
        await db.HashSetAsync($"tutoring:session:{sessionId}",
        [
            new HashEntry("studentId", Context.UserIdentifier ?? Context.User!.UserId()),
            new HashEntry("startedAt", DateTimeOffset.UtcNow.ToUnixTimeSeconds()),
            new HashEntry("turns", 0),
        ]);
        await db.KeyExpireAsync($"tutoring:session:{sessionId}", TimeSpan.FromDays(14));
        return sessionId;
    }

    public async IAsyncEnumerable<string> AskTutor(string sessionId, string question, [EnumeratorCancellation] CancellationToken ct)
    {
        var input = await review.EnsureAllowedAsync(question, ReviewStage.Input, ct);
        var history = await LoadTranscriptAsync(sessionId);
        await AppendTurnAsync(sessionId, "student", input);

        var messages = new List<ChatMessage> { new(ChatRole.System, TutorPersona) };
        messages.AddRange(history.TakeLast(12).Select(t => new ChatMessage(t.Role == "tutor" ? ChatRole.Assistant : ChatRole.User, t.Text)));
        messages.Add(new ChatMessage(ChatRole.User, input));

        var tokens = chat.GetStreamingResponseAsync(messages, cancellationToken: ct).Select(u => u.Text);
        var reviewed = review.ReviewStream(tokens, ReviewStage.Output, ct);
        var recorded = audit.RecordStream(reviewed, new GenerationRecord
        {
            UserId = Context.User!.UserId(),
            Model = ai.Value.Moonshot.Model,
            ContentId = sessionId,
            Labeled = true,
        }, ct);

        var answer = new System.Text.StringBuilder();
        await foreach (var token in label.LabelStream(recorded, ct))
        {
            answer.Append(token);
            yield return token;
        }

        await AppendTurnAsync(sessionId, "tutor", answer.ToString());
    }

    [Authorize(Policy = "Teacher")]
    public async Task PushPracticeQuestion(string classId, string topic)
    {
        if (!Context.User!.HasClaim("teaches", classId))
        {
            throw new HubException("not your class");
        }

        var generated = await hunyuan.ChatAsync(
            "你是出题老师。出一道课堂即时练习题，附四个选项，不给答案。",
            $"知识点：{topic}",
            0.8,
            Context.ConnectionAborted);

        await audit.RecordAsync(generated.Text, new GenerationRecord
        {
            UserId = Context.User!.UserId(),
            Model = generated.Model,
            Attributes = { ["feature"] = "class-practice", ["class"] = classId },
        }, Context.ConnectionAborted);

        await Clients.Group($"class:{classId}").SendAsync("practiceQuestion", new
        {
            notice = label.Notice,
            topic,
            question = generated.Text,
            postedAt = DateTimeOffset.UtcNow,
        }, Context.ConnectionAborted);
    }

    public async Task<string> SummarizeSession(string sessionId)
    {
        var transcript = await LoadTranscriptAsync(sessionId);
        if (transcript.Count == 0) return "";

        var text = string.Join("\n", transcript.Select(t => $"{(t.Role == "tutor" ? "老师" : "学生")}：{t.Text}"));
        var summary = await local.CompleteAsync($"用三句话总结这次辅导：学了什么、哪里卡住、下次练什么。\n{text}", Context.ConnectionAborted);

        await redis.GetDatabase().HashSetAsync($"tutoring:session:{sessionId}", "summary", summary);
        return summary;
    }

    public async Task EndSession(string sessionId)
    {
        var db = redis.GetDatabase();
        var key = $"tutoring:session:{sessionId}";
        var started = (long?)await db.HashGetAsync(key, "startedAt") ?? DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var duration = (int)(DateTimeOffset.UtcNow.ToUnixTimeSeconds() - started);
        await db.HashSetAsync(key, "durationSec", duration);

        var user = Context.User!;
        if (user.ClassId() is { } classId)
        {
            await db.HashIncrementAsync($"class:{classId}:tutoring", "minutes", Math.Max(1, duration / 60));
        }

        var transcript = await LoadTranscriptAsync(sessionId);
        await bus.PublishAsync(kafka.Value.TutoringSessionTopic, user.UserId(), new TutoringSessionEnded(
            sessionId, user.UserId(), user.FindFirst("parent_id")?.Value, transcript, duration));

        logger.LogInformation("Tutoring session {SessionId} ended after {Seconds}s, {Turns} turns", sessionId, duration, transcript.Count);
    }

    public Task JoinClassroom(string classId) =>
        Context.User!.HasClaim("teaches", classId) || Context.User!.ClassId() == classId
            ? Groups.AddToGroupAsync(Context.ConnectionId, $"class:{classId}")
            : throw new HubException("not a member of this class");

    private async Task<List<TutoringTurn>> LoadTranscriptAsync(string sessionId)
    {
        var items = await redis.GetDatabase().ListRangeAsync($"tutoring:transcript:{sessionId}");
        return items.Select(i => JsonSerializer.Deserialize<TutoringTurn>(i.ToString(), JsonSerializerOptions.Web)!).ToList();
    }

    private async Task AppendTurnAsync(string sessionId, string role, string text)
    {
        var db = redis.GetDatabase();
        await db.ListRightPushAsync($"tutoring:transcript:{sessionId}",
            JsonSerializer.Serialize(new TutoringTurn(role, text, DateTimeOffset.UtcNow), JsonSerializerOptions.Web));
        await db.KeyExpireAsync($"tutoring:transcript:{sessionId}", TimeSpan.FromDays(14));
        await db.HashIncrementAsync($"tutoring:session:{sessionId}", "turns");
    }
}
