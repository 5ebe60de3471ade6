using System.Runtime.CompilerServices;
using DeepSynth.Compliance;
using DeepSynth.Compliance.Audit;
using DeepSynth.Compliance.Labeling;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.AI;
using WealthPal.Data;
using WealthPal.Infrastructure;

namespace WealthPal.Hubs;

/// <summary>App/web realtime channel: NAV ticks for watched funds, inbox updates, and the quick-question box.</summary>
[Authorize]
public sealed class ClientHub(WealthDbContext db, [FromKeyedServices("hunyuan")] IChatClient quickChat,
    IAigcTextLabeler label, ISynthesisAuditLog audit) : Hub
{
    public async Task<IReadOnlyList<object>> WatchFunds(string[] fundCodes)
    {
        var codes = fundCodes.Take(20).ToArray();
        foreach (var code in codes)
            await Groups.AddToGroupAsync(Context.ConnectionId, $"fund:{code}");

        return await db.Funds.AsNoTracking().Where(f => codes.Contains(f.Code))
            .Select(f => (object)new { f.Code, f.Name, f.Nav, f.PreviousNav, f.NavDate })
            .ToListAsync();
    }

    public async Task<int> GetUnreadCount()
    {
        var customerId = Context.User!.CustomerId();
        return await db.InAppMessages.CountAsync(m => m.CustomerId == customerId && !m.IsRead);
    }

    [RequireRealName]
    public async IAsyncEnumerable<string> QuickAsk(string question, [EnumeratorCancellation] CancellationToken ct)
    {
        var messages = new List<ChatMessage>
        {
            new(ChatRole.System, "你是财富通小助手，用不超过100字回答理财常识问题，不推荐具体产品。"),
            new(ChatRole.User, question)
        };

        var tokens = quickChat.GetStreamingResponseAsync(messages, new ChatOptions { MaxOutputTokens = 300 }, ct)
            .Select(u => u.Text);
        var record = new GenerationRecord { UserId = Context.UserIdentifier, Model = "hunyuan-turbos-latest" };

        await foreach (var token in label.LabelStream(audit.RecordStream(tokens, record, ct), ct))
            yield return token;
    }
}

/// <summary>Used by the NAV feed consumer to fan out ticks to watchers.</summary>
public static class ClientHubExtensions
{
    public static Task PublishNavAsync(this IHubContext<ClientHub> hub, Fund fund, CancellationToken ct) =>
        hub.Clients.Group($"fund:{fund.Code}")
            .SendAsync("nav", new { fund.Code, fund.Nav, fund.PreviousNav, change = fund.DailyChange, fund.NavDate }, ct);
}
