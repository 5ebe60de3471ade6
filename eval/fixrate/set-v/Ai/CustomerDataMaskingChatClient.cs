using System.Diagnostics.Metrics;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Microsoft.Extensions.AI;

namespace WealthPal.Ai;

/// <summary>
/// Masks card numbers, mainland mobile numbers and resident ID numbers before a prompt leaves the bank,
/// and counts tokens per model for the cost dashboard. See SEC-2026-114.
/// </summary>
public sealed partial class CustomerDataMaskingChatClient(IChatClient inner, ILogger<CustomerDataMaskingChatClient> logger)
    : DelegatingChatClient(inner)
{
    private static readonly Meter Meter = new("WealthPal.Ai");
    private static readonly Counter<long> InputTokens = Meter.CreateCounter<long>("wealthpal.ai.input_tokens");
    private static readonly Counter<long> OutputTokens = Meter.CreateCounter<long>("wealthpal.ai.output_tokens");

    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        var response = await base.GetResponseAsync(Mask(messages), options, cancellationToken);
        Count(response.ModelId, response.Usage);
        return response;
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages,
        ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var update in base.GetStreamingResponseAsync(Mask(messages), options, cancellationToken))
        {
            foreach (var usage in update.Contents.OfType<UsageContent>())
                Count(update.ModelId, usage.Details);
            yield return update;
        }
    }

    private List<ChatMessage> Mask(IEnumerable<ChatMessage> messages)
    {
        var masked = 0;
        var result = new List<ChatMessage>();
        foreach (var m in messages)
        {
            if (m.Role == ChatRole.System || string.IsNullOrEmpty(m.Text))
            {
                result.Add(m);
                continue;
            }
            var text = CardNumber().Replace(m.Text, x => { masked++; return x.Value[..4] + " **** **** " + x.Value[^4..]; });
            text = IdNumber().Replace(text, x => { masked++; return x.Value[..6] + "********" + x.Value[^4..]; });
            text = Mobile().Replace(text, x => { masked++; return x.Value[..3] + "****" + x.Value[^4..]; });
            result.Add(new ChatMessage(m.Role, text) { AuthorName = m.AuthorName });
        }
        if (masked > 0) logger.LogInformation("Masked {Count} identifiers in prompt", masked);
        return result;
    }

    private static void Count(string? model, UsageDetails? usage)
    {
        if (usage is null) return;
        var tag = new KeyValuePair<string, object?>("model", model ?? "unknown");
        if (usage.InputTokenCount is { } i) InputTokens.Add(i, tag);
        if (usage.OutputTokenCount is { } o) OutputTokens.Add(o, tag);
    }

    [GeneratedRegex(@"(?<!\d)62\d{14,17}(?!\d)")] private static partial Regex CardNumber();
    [GeneratedRegex(@"(?<!\d)\d{17}[\dXx](?!\d)")] private static partial Regex IdNumber();
    [GeneratedRegex(@"(?<!\d)1[3-9]\d{9}(?!\d)")] private static partial Regex Mobile();
}
