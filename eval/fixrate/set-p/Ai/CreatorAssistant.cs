using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Text.Json;
using ClipForge.Configuration;
using Microsoft.Agents.AI;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace ClipForge.Ai;

public sealed record AssistantAnswer(string SessionId, string Text, string Model, long? TotalTokens);

public interface ICreatorAssistant
{
    Task<AssistantAnswer> AskAsync(string userId, string? sessionId, string message, CancellationToken ct);
    IAsyncEnumerable<string> StreamAsync(string userId, string sessionId, string message, CancellationToken ct);
}

/// <summary>Creator chat assistant: an agent over the default chat client, with sessions kept in Redis.</summary>
internal sealed class CreatorAssistant : ICreatorAssistant
{
    private const string Instructions =
        "你是ClipForge的创作助手，帮助中文短视频创作者做选题、脚本结构、发布时间和涨粉策略。" +
        "回答要具体、可执行；涉及平台规则时提醒创作者以平台最新公告为准。";

    private readonly AIAgent _agent;
    private readonly IConnectionMultiplexer _redis;
    private readonly string _model;

    public CreatorAssistant(IChatClient chatClient, IConnectionMultiplexer redis, IOptions<AiModelOptions> options, ILoggerFactory loggerFactory)
    {
        _redis = redis;
        _model = options.Value.ChatModel;
        _agent = chatClient.AsAIAgent(
            instructions: Instructions,
            name: "clipforge-assistant",
            description: "Creator coaching assistant",
            tools: [AIFunctionFactory.Create(BestPostingWindows), AIFunctionFactory.Create(PlatformLimits)],
            loggerFactory: loggerFactory);
    }

    public async Task<AssistantAnswer> AskAsync(string userId, string? sessionId, string message, CancellationToken ct)
    {
        sessionId ??= Guid.NewGuid().ToString("N");
        var session = await LoadSessionAsync(userId, sessionId, ct);
        var response = await _agent.RunAsync(message, session, cancellationToken: ct);
        await SaveSessionAsync(userId, sessionId, session, ct);
        return new AssistantAnswer(sessionId, response.Text, _model, response.Usage?.TotalTokenCount);
    }

    public async IAsyncEnumerable<string> StreamAsync(string userId, string sessionId, string message, [EnumeratorCancellation] CancellationToken ct)
    {
        var session = await LoadSessionAsync(userId, sessionId, ct);
        await foreach (var update in _agent.RunStreamingAsync(message, session, cancellationToken: ct))
        {
            if (!string.IsNullOrEmpty(update.Text))
            {
                yield return update.Text;
            }
        }
        await SaveSessionAsync(userId, sessionId, session, ct);
    }

    private async Task<AgentSession> LoadSessionAsync(string userId, string sessionId, CancellationToken ct)
    {
        var stored = await _redis.GetDatabase().StringGetAsync(Key(userId, sessionId));
        if (stored.IsNullOrEmpty)
        {
            return await _agent.CreateSessionAsync(ct);
        }

        using var doc = JsonDocument.Parse(stored.ToString());
        return await _agent.DeserializeSessionAsync(doc.RootElement.Clone(), cancellationToken: ct);
    }

    private async Task SaveSessionAsync(string userId, string sessionId, AgentSession session, CancellationToken ct)
    {
        var state = await _agent.SerializeSessionAsync(session, cancellationToken: ct);
        await _redis.GetDatabase().StringSetAsync(Key(userId, sessionId), state.GetRawText(), TimeSpan.FromDays(7));
    }

    private static string Key(string userId, string sessionId) => $"clipforge:assistant:{userId}:{sessionId}";

    [Description("Returns the usual high-traffic posting windows (Beijing time) for a platform.")]
    private static string BestPostingWindows([Description("douyin, kuaishou, xiaohongshu or bilibili")] string platform) =>
        platform.ToLowerInvariant() switch
        {
            "douyin" => "12:00-13:30, 18:00-20:00, 21:30-23:00",
            "kuaishou" => "11:30-13:00, 19:00-22:00",
            "xiaohongshu" => "07:30-09:00, 12:00-13:00, 20:00-22:30",
            "bilibili" => "17:00-19:00, 21:00-24:00",
            _ => "unknown platform"
        };

    [Description("Returns caption and hashtag limits for a platform.")]
    private static string PlatformLimits(string platform) =>
        platform.ToLowerInvariant() switch
        {
            "douyin" => "caption 1000 chars, up to 5 hashtags recommended",
            "xiaohongshu" => "title 20 chars, body 1000 chars, up to 10 topics",
            _ => "caption 500 chars"
        };
}
