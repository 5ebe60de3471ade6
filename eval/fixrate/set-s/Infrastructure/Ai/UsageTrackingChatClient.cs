using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Security.Claims;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace HuoPin.Live.Infrastructure.Ai;

public sealed class AiQuotaOptions
{
    public long MonthlyTokenLimit { get; set; } = 2_000_000;
}

public sealed class TokenQuotaExceededException(string merchantId, long used, long limit)
    : Exception($"Merchant {merchantId} has used {used} of {limit} tokens this month.")
{
    public long Used { get; } = used;
    public long Limit { get; } = limit;
}

public sealed record ModelUsage(string Model, long Calls, long InputTokens, long OutputTokens, double AverageLatencyMs);

public interface IUsageLedger
{
    void Record(string merchantId, string model, long inputTokens, long outputTokens, TimeSpan latency);
    long TokensThisMonth(string merchantId);
    IReadOnlyList<ModelUsage> Snapshot(string merchantId);
}

public sealed class InMemoryUsageLedger(TimeProvider clock) : IUsageLedger
{
    private sealed class Counter
    {
        public long Calls;
        public long Input;
        public long Output;
        public long LatencyTicks;
    }

    private readonly ConcurrentDictionary<(string Merchant, string Month, string Model), Counter> _counters = new();

    private string Month => clock.GetUtcNow().ToString("yyyy-MM");

    public void Record(string merchantId, string model, long inputTokens, long outputTokens, TimeSpan latency)
    {
        var counter = _counters.GetOrAdd((merchantId, Month, model), _ => new Counter());
        Interlocked.Increment(ref counter.Calls);
        Interlocked.Add(ref counter.Input, inputTokens);
        Interlocked.Add(ref counter.Output, outputTokens);
        Interlocked.Add(ref counter.LatencyTicks, latency.Ticks);
    }

    public long TokensThisMonth(string merchantId)
    {
        var month = Month;
        return _counters.Where(kv => kv.Key.Merchant == merchantId && kv.Key.Month == month)
            .Sum(kv => kv.Value.Input + kv.Value.Output);
    }

    public IReadOnlyList<ModelUsage> Snapshot(string merchantId)
    {
        var month = Month;
        return _counters
            .Where(kv => kv.Key.Merchant == merchantId && kv.Key.Month == month)
            .Select(kv => new ModelUsage(
                kv.Key.Model,
                kv.Value.Calls,
                kv.Value.Input,
                kv.Value.Output,
                kv.Value.Calls == 0 ? 0 : TimeSpan.FromTicks(kv.Value.LatencyTicks / kv.Value.Calls).TotalMilliseconds))
            .OrderByDescending(u => u.Calls)
            .ToList();
    }
}

/// <summary>
/// Sits in the IChatClient pipeline: enforces the monthly token quota of the calling merchant and
/// books token usage per model for the dashboard.
/// </summary>
public sealed class UsageTrackingChatClient(
    IChatClient innerClient,
    IUsageLedger ledger,
    IHttpContextAccessor httpContextAccessor,
    IOptions<AiQuotaOptions> quota,
    ILogger<UsageTrackingChatClient> logger) : DelegatingChatClient(innerClient)
{
    public const string MerchantIdKey = "huopin.merchantId";

    public override async Task<ChatResponse> GetResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var merchant = ResolveMerchant(options);
        EnsureQuota(merchant);

        var started = Stopwatch.GetTimestamp();
        var response = await base.GetResponseAsync(messages, options, cancellationToken);
        var elapsed = Stopwatch.GetElapsedTime(started);

        var model = response.ModelId ?? options?.ModelId ?? "default";
        ledger.Record(merchant, model, response.Usage?.InputTokenCount ?? 0, response.Usage?.OutputTokenCount ?? 0, elapsed);
        logger.LogDebug("Chat completion on {Model} took {ElapsedMs} ms ({OutputTokens} output tokens)",
            model, elapsed.TotalMilliseconds, response.Usage?.OutputTokenCount);
        return response;
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var merchant = ResolveMerchant(options);
        EnsureQuota(merchant);

        var started = Stopwatch.GetTimestamp();
        string? model = null;
        long input = 0, output = 0;

        await foreach (var update in base.GetStreamingResponseAsync(messages, options, cancellationToken))
        {
            model ??= update.ModelId;
            foreach (var usage in update.Contents.OfType<UsageContent>())
            {
                input += usage.Details.InputTokenCount ?? 0;
                output += usage.Details.OutputTokenCount ?? 0;
            }
            yield return update;
        }

        ledger.Record(merchant, model ?? options?.ModelId ?? "default", input, output, Stopwatch.GetElapsedTime(started));
    }

    private string ResolveMerchant(ChatOptions? options)
    {
        if (options?.AdditionalProperties?.TryGetValue(MerchantIdKey, out var explicitId) == true && explicitId is string id)
        {
            return id;
        }

        var user = httpContextAccessor.HttpContext?.User;
        return user?.FindFirstValue(ClaimTypes.NameIdentifier) ?? user?.FindFirstValue("sub") ?? "system";
    }

    private void EnsureQuota(string merchant)
    {
        if (merchant == "system")
        {
            return;
        }

        var used = ledger.TokensThisMonth(merchant);
        if (used >= quota.Value.MonthlyTokenLimit)
        {
            throw new TokenQuotaExceededException(merchant, used, quota.Value.MonthlyTokenLimit);
        }
    }
}
