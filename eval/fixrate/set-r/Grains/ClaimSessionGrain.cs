using PeiFu.Claims.AI;

namespace PeiFu.Claims.Grains;

[GenerateSerializer]
public sealed record SessionTurn(
    [property: Id(0)] string Role,
    [property: Id(1)] string Text,
    [property: Id(2)] DateTimeOffset At);

[GenerateSerializer]
public sealed class ClaimSessionState
{
    [Id(0)] public List<SessionTurn> Turns { get; set; } = new();
    [Id(1)] public string? Summary { get; set; }
    [Id(2)] public string? SummaryModel { get; set; }
    [Id(3)] public DateTimeOffset? SummarizedAt { get; set; }
    [Id(4)] public int CustomerTurns { get; set; }
    [Id(5)] public Dictionary<Guid, string> PhotoNotes { get; set; } = new();
    [Id(6)] public DateTimeOffset LastActivity { get; set; }
}

[GenerateSerializer]
public sealed record ClaimSessionSnapshot(
    [property: Id(0)] string ClaimId,
    [property: Id(1)] int CustomerTurns,
    [property: Id(2)] int TotalTurns,
    [property: Id(3)] string? Summary,
    [property: Id(4)] DateTimeOffset? SummarizedAt,
    [property: Id(5)] DateTimeOffset LastActivity);

/// <summary>Live intake session for one claim: the conversation, photo notes and the running summary.</summary>
public interface IClaimSessionGrain : IGrainWithStringKey
{
    Task AppendTurnAsync(string role, string text);
    Task AddPhotoNoteAsync(Guid photoId, string description);
    Task<IReadOnlyList<SessionTurn>> GetTurnsAsync(int max);
    Task<ClaimSessionSnapshot> GetSnapshotAsync();
    Task<string?> RefreshSummaryAsync();
}

public sealed class ClaimSessionGrain(
    [PersistentState("session", "claims")] IPersistentState<ClaimSessionState> state,
    IClaimAssistant assistant,
    ILogger<ClaimSessionGrain> logger) : Grain, IClaimSessionGrain
{
    private const int SummarizeEveryCustomerTurns = 3;
    private const int MaxTurnsKept = 200;

    public async Task AppendTurnAsync(string role, string text)
    {
        state.State.Turns.Add(new SessionTurn(role, text, DateTimeOffset.UtcNow));
        if (state.State.Turns.Count > MaxTurnsKept)
        {
            state.State.Turns.RemoveRange(0, state.State.Turns.Count - MaxTurnsKept);
        }
        if (role == "customer")
        {
            state.State.CustomerTurns++;
        }
        state.State.LastActivity = DateTimeOffset.UtcNow;
        await state.WriteStateAsync();

        if (role == "customer" && state.State.CustomerTurns % SummarizeEveryCustomerTurns == 0)
        {
            await RefreshSummaryAsync();
        }
    }

    public async Task AddPhotoNoteAsync(Guid photoId, string description)
    {
        state.State.PhotoNotes[photoId] = description;
        await state.WriteStateAsync();
    }

    public Task<IReadOnlyList<SessionTurn>> GetTurnsAsync(int max) =>
        Task.FromResult<IReadOnlyList<SessionTurn>>(state.State.Turns.TakeLast(max).ToList());

    public Task<ClaimSessionSnapshot> GetSnapshotAsync() =>
        Task.FromResult(new ClaimSessionSnapshot(
            this.GetPrimaryKeyString(),
            state.State.CustomerTurns,
            state.State.Turns.Count,
            state.State.Summary,
            state.State.SummarizedAt,
            state.State.LastActivity));

    public async Task<string?> RefreshSummaryAsync()
    {
        if (state.State.Turns.Count == 0)
        {
            return null;
        }

        var transcript = state.State.Turns
            .Select(t => $"{(t.Role == "customer" ? "客户" : "助手")}：{t.Text}")
            .Concat(state.State.PhotoNotes.Values.Select(n => $"照片：{n}"))
            .ToList();

        try
        {
            var reply = await assistant.SummarizeSessionAsync(this.GetPrimaryKeyString(), transcript, CancellationToken.None);
            state.State.Summary = reply.Text;
            state.State.SummaryModel = reply.Model;
            state.State.SummarizedAt = DateTimeOffset.UtcNow;
            await state.WriteStateAsync();
        }
        catch (Exception ex)
        {
            // Keep the previous summary; the next customer turn tries again.
            logger.LogWarning(ex, "Summary refresh failed for claim {ClaimId}", this.GetPrimaryKeyString());
        }
        return state.State.Summary;
    }
}
