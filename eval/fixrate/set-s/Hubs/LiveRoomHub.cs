using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using DeepSynth.Compliance;
using DeepSynth.Compliance.Audit;
using DeepSynth.Compliance.Labeling;
using DeepSynth.Compliance.Review;
using HuoPin.Live.Infrastructure.Compliance;
using HuoPin.Live.Domain;
using HuoPin.Live.Services;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace HuoPin.Live.Hubs;

/// <summary>
/// Live room hub: viewers join a room, chat (弹幕), and ask the shopping assistant; the host's console
/// receives teleprompter scripts, reply suggestions and campaign status.
/// </summary>
[Authorize]
public sealed class LiveRoomHub(
    IShopperAssistant assistant,
    IMarketingCopyService copy,
    IQuerySession query,
    IContentReviewer review,
    IAigcTextLabeler label,
    ISynthesisAuditLog audit,
    ILogger<LiveRoomHub> logger) : Hub
{
    private static readonly ConcurrentDictionary<string, int> Viewers = new();

    public static string RoomGroup(string roomId) => $"room:{roomId}";
    public static string MerchantGroup(string merchantId) => $"merchant:{merchantId}";

    public override async Task OnConnectedAsync()
    {
        if (Context.User?.IsMerchant() == true)
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, MerchantGroup(Context.User.UserId()));
        }
        await base.OnConnectedAsync();
    }

    public async Task<int> JoinRoom(string roomId)
    {
        await Groups.AddToGroupAsync(Context.ConnectionId, RoomGroup(roomId));
        var count = Viewers.AddOrUpdate(roomId, 1, (_, n) => n + 1);
        await Clients.Group(RoomGroup(roomId)).SendAsync("viewerCount", new { roomId, count });
        return count;
    }

    public async Task LeaveRoom(string roomId)
    {
        await Groups.RemoveFromGroupAsync(Context.ConnectionId, RoomGroup(roomId));
        var count = Viewers.AddOrUpdate(roomId, 0, (_, n) => Math.Max(0, n - 1));
        await Clients.Group(RoomGroup(roomId)).SendAsync("viewerCount", new { roomId, count });
    }

    /// <summary>Viewer chat message, relayed to the room as typed.</summary>
    public async Task SendDanmaku(string roomId, string text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 60)
        {
            throw new HubException("弹幕长度需在 1 到 60 字之间");
        }

        await Clients.Group(RoomGroup(roomId)).SendAsync("danmaku", new
        {
            roomId,
            from = Context.User?.Identity?.Name ?? "游客",
            text,
            at = DateTimeOffset.UtcNow,
        });
    }

    /// <summary>Shopper question to the assistant, answered as a stream.</summary>
    [RequireRealName]
    public async IAsyncEnumerable<string> AskAssistant(string roomId, Guid? productId, string question,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var shopperId = Context.User!.UserId();
        var reviewed = await review.EnsureAllowedAsync(question, ReviewStage.Input, cancellationToken);

        var tokens = assistant.StreamAsync(shopperId, productId, reviewed, cancellationToken);
        var record = new GenerationRecord
        {
            UserId = shopperId,
            Model = "huopin-shopper-assistant",
            Attributes = { ["roomId"] = roomId, ["channel"] = "signalr" },
        };

        await foreach (var token in label.LabelStream(
            audit.RecordStream(review.ReviewStream(tokens, ReviewStage.Output, cancellationToken), record, cancellationToken),
            cancellationToken))
        {
            yield return token;
        }
    }

    /// <summary>Suggests a reply the host can read out for a viewer's message.</summary>
    [Authorize(Policy = "Merchant")]
    public async Task SuggestReply(string roomId, string buyerMessage)
    {
        var suggestion = await assistant.SuggestHostReplyAsync(roomId, buyerMessage, Context.ConnectionAborted);
        logger.LogDebug("Reply suggestion for room {RoomId} ready", roomId);
        await Clients.Caller.SendAsync("replySuggestion", new { roomId, buyerMessage, suggestion = label.Label(suggestion) });
    }

    /// <summary>Host pushes a spoken-style product introduction to the room's overlay, token by token.</summary>
    [Authorize(Policy = "Merchant")]
    public async Task BroadcastProductIntro(string roomId, Guid productId)
    {
        var product = await query.LoadAsync<Product>(productId, Context.ConnectionAborted);
        if (product is null || product.MerchantId != Context.User!.UserId())
        {
            throw new HubException("商品不存在");
        }

        var room = Clients.Group(RoomGroup(roomId));
        await room.SendAsync("introStarted", new { roomId, productId, product.Name });
        await foreach (var token in copy.StreamSellingPointsAsync(product, "直播间观众", Context.ConnectionAborted))
        {
            await room.SendAsync("introToken", token);
        }
        await room.SendAsync("introDone", new { roomId, productId });
    }
}
