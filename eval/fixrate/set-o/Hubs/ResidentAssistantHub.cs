using System.Runtime.CompilerServices;
using System.Security.Claims;
using DeepSynth.Compliance;
using DeepSynth.Compliance.Audit;
using DeepSynth.Compliance.Labeling;
using DeepSynth.Compliance.Review;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.AI;
using ZhengWuTong.Domain;
using ZhengWuTong.Infrastructure.Storage;

namespace ZhengWuTong.Hubs;

public sealed record SessionSummary(string SessionId, string Topic, int TurnCount, DateTime LastActivityAt, IReadOnlyList<string> MyQuestions);

[Authorize(Policy = "Resident")]
[RequireRealName]
public sealed class ResidentAssistantHub(
    IChatClient chat,
    IContentReviewer review,
    IAigcTextLabeler label,
    ISynthesisAuditLog audit,
    GovDataStore store,
    ILogger<ResidentAssistantHub> logger) : Hub
{
    private const string AssistantPrompt =
        "你是“政务通”居民助手，帮助居民了解办事流程、预约和政策。回答简短友好；涉及个人案件进度时请引导居民登录办件查询。";

    private string CitizenId => Context.User?.FindFirstValue(ClaimTypes.NameIdentifier) ?? Context.UserIdentifier ?? "anonymous";

    public override async Task OnConnectedAsync()
    {
        var district = Context.User?.FindFirstValue("district");
        if (!string.IsNullOrEmpty(district))
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, $"district:{district}");
        }

        await base.OnConnectedAsync();
    }

    /// <summary>Streams an answer token by token.</summary>
    public async IAsyncEnumerable<string> Ask(string question, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var input = await review.EnsureAllowedAsync(question, ReviewStage.Input, cancellationToken);
        var messages = new List<ChatMessage>
        {
            new(ChatRole.System, AssistantPrompt),
            new(ChatRole.User, input)
        };

        var tokens = chat.GetStreamingResponseAsync(messages, cancellationToken: cancellationToken)
            .Select(u => u.Text);

        var reviewed = review.ReviewStream(tokens, ReviewStage.Output, cancellationToken);
        var recorded = audit.RecordStream(reviewed, new GenerationRecord { UserId = CitizenId, Model = "qwen-plus" }, cancellationToken);

        await foreach (var token in label.LabelStream(recorded, cancellationToken))
        {
            yield return token;
        }
    }

    /// <summary>Conversational turn kept in a session; the reply is pushed as a client event.</summary>
    public async Task SendMessage(string sessionId, string text)
    {
        var ct = Context.ConnectionAborted;
        var session = store.ChatSessions.FindById(sessionId);
        if (session is null || session.CitizenId != CitizenId)
        {
            session = new ChatSession { Id = sessionId, CitizenId = CitizenId, Topic = text.Length > 20 ? text[..20] : text };
        }

        var input = await review.EnsureAllowedAsync(text, ReviewStage.Input, ct);

        var history = new List<ChatMessage> { new(ChatRole.System, AssistantPrompt) };
        history.AddRange(session.Turns.TakeLast(10).Select(t =>
            new ChatMessage(t.Role == "assistant" ? ChatRole.Assistant : ChatRole.User, t.Text)));
        history.Add(new ChatMessage(ChatRole.User, input));

        var response = await chat.GetResponseAsync(history, cancellationToken: ct);
        var reply = response.Text;

        session.Turns.Add(new ChatTurn { Role = "user", Text = text });
        session.Turns.Add(new ChatTurn { Role = "assistant", Text = reply });
        session.LastActivityAt = DateTime.UtcNow;
        store.ChatSessions.Upsert(session);

        logger.LogDebug("Session {SessionId} now has {Turns} turns", session.Id, session.Turns.Count);
        await Clients.Caller.SendAsync("assistantReply", new { sessionId = session.Id, text = label.Label(reply) }, ct);
    }

    public SessionSummary? GetSession(string sessionId)
    {
        var session = store.ChatSessions.FindById(sessionId);
        if (session is null || session.CitizenId != CitizenId)
        {
            return null;
        }

        return new SessionSummary(session.Id, session.Topic, session.Turns.Count, session.LastActivityAt,
            session.Turns.Where(t => t.Role == "user").Select(t => t.Text).ToList());
    }

    public Task Typing(string sessionId) =>
        Clients.OthersInGroup($"session:{sessionId}").SendAsync("typing", CitizenId);
}
