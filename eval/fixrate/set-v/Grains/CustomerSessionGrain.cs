using DeepSynth.Compliance.Audit;
using Microsoft.Extensions.AI;
using WealthPal.Data;
using WealthPal.Knowledge;

namespace WealthPal.Grains;

[Alias("WealthPal.ICustomerSessionGrain")]
public interface ICustomerSessionGrain : IGrainWithGuidKey
{
    [Alias("Ask")] Task<SessionReply> AskAsync(Guid customerId, string userId, string message);
    [Alias("Stats")] Task<SessionStats> GetStatsAsync();
    [Alias("Reset")] Task ResetAsync();
}

[GenerateSerializer, Immutable, Alias("WealthPal.SessionReply")]
public sealed record SessionReply(
    [property: Id(0)] string Text,
    [property: Id(1)] string Model,
    [property: Id(2)] int PromptTokens,
    [property: Id(3)] int CompletionTokens);

[GenerateSerializer, Immutable, Alias("WealthPal.SessionStats")]
public sealed record SessionStats(
    [property: Id(0)] int Turns,
    [property: Id(1)] DateTimeOffset? StartedAt,
    [property: Id(2)] DateTimeOffset? LastActiveAt,
    [property: Id(3)] int TotalTokens);

[GenerateSerializer, Alias("WealthPal.SessionState")]
public sealed class SessionState
{
    [Id(0)] public List<StoredMessage> History { get; set; } = [];
    [Id(1)] public DateTimeOffset? StartedAt { get; set; }
    [Id(2)] public DateTimeOffset? LastActiveAt { get; set; }
    [Id(3)] public int TotalTokens { get; set; }
}

[GenerateSerializer, Alias("WealthPal.StoredMessage")]
public sealed record StoredMessage([property: Id(0)] string Role, [property: Id(1)] string Text);

/// <summary>One customer-service conversation. Keeps the last turns in grain state and mirrors them to Postgres.</summary>
public sealed class CustomerSessionGrain(
    [PersistentState("session", "sessions")] IPersistentState<SessionState> state,
    IChatClient chat,
    KnowledgeBase kb,
    ISynthesisAuditLog audit,
    IServiceScopeFactory scopes,
    ILogger<CustomerSessionGrain> logger) : Grain, ICustomerSessionGrain
{
    private const int MaxHistory = 12;

    private const string SystemPrompt = """
        你是“财富通”智能客服，服务于本行理财客户。回答要简洁、准确，只根据提供的资料回答产品规则；
        不提供个股推荐，不承诺收益；涉及交易、转账、修改密码等操作时，引导客户在App内自助办理或转人工（95xxx）。
        """;

    public async Task<SessionReply> AskAsync(Guid customerId, string userId, string message)
    {
        var ct = CancellationToken.None;
        var sessionId = this.GetPrimaryKey();
        var hits = await kb.SearchAsync(message, null, 3, ct);

        var messages = new List<ChatMessage> { new(ChatRole.System, SystemPrompt) };
        if (hits.Count > 0)
            messages.Add(new(ChatRole.System, "参考资料：\n" + KnowledgeBase.ToContext(hits)));
        messages.AddRange(state.State.History.Select(h => new ChatMessage(new ChatRole(h.Role), h.Text)));
        messages.Add(new(ChatRole.User, message));

        var response = await chat.GetResponseAsync(messages, new ChatOptions { Temperature = 0.3f, MaxOutputTokens = 800 }, ct);
        var reply = response.Text;
        var model = response.ModelId ?? "gpt-4o";

        await audit.RecordAsync(reply, new GenerationRecord
        {
            UserId = userId,
            Model = model,
            ContentId = $"{sessionId:N}-{state.State.History.Count / 2 + 1}",
            Attributes = { ["feature"] = "cs-chat", ["kbHits"] = hits.Count.ToString() }
        }, ct);

        var now = DateTimeOffset.UtcNow;
        state.State.StartedAt ??= now;
        state.State.LastActiveAt = now;
        state.State.TotalTokens += (int)(response.Usage?.TotalTokenCount ?? 0);
        state.State.History.Add(new("user", message));
        state.State.History.Add(new("assistant", reply));
        if (state.State.History.Count > MaxHistory)
            state.State.History.RemoveRange(0, state.State.History.Count - MaxHistory);
        await state.WriteStateAsync();

        await MirrorAsync(sessionId, customerId, message, reply, model, response.Usage, now);

        return new SessionReply(reply, model,
            (int)(response.Usage?.InputTokenCount ?? 0), (int)(response.Usage?.OutputTokenCount ?? 0));
    }

    public Task<SessionStats> GetStatsAsync() => Task.FromResult(new SessionStats(
        state.State.History.Count / 2, state.State.StartedAt, state.State.LastActiveAt, state.State.TotalTokens));

    public async Task ResetAsync()
    {
        await state.ClearStateAsync();
        DeactivateOnIdle();
    }

    private async Task MirrorAsync(Guid sessionId, Guid customerId, string question, string reply, string model,
        UsageDetails? usage, DateTimeOffset now)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<WealthDbContext>();
            var session = await db.ChatSessions.FindAsync(sessionId);
            if (session is null)
            {
                session = new ChatSessionRecord { Id = sessionId, CustomerId = customerId, StartedAt = now, Channel = "app" };
                db.ChatSessions.Add(session);
            }
            session.LastActiveAt = now;
            session.TurnCount++;
            db.ChatTurns.Add(new ChatTurn { SessionId = sessionId, Role = "user", Content = question, At = now });
            db.ChatTurns.Add(new ChatTurn
            {
                SessionId = sessionId, Role = "assistant", Content = reply, At = now, Model = model,
                Tokens = (int?)usage?.OutputTokenCount
            });
            await db.SaveChangesAsync();
        }
        catch (Exception ex)
        {
            // The grain state is the source of truth for the live session; the mirror is for transcripts and QA.
            logger.LogWarning(ex, "Could not mirror session {Session} to the database", sessionId);
        }
    }
}
