using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text;
using DeepSynth.Compliance;
using DeepSynth.Compliance.Audit;
using DeepSynth.Compliance.Labeling;
using DeepSynth.Compliance.Review;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.AI;
using StarHarbor.LiveOps.Infrastructure;
using StarHarbor.LiveOps.Services;

namespace StarHarbor.LiveOps.Hubs;

public sealed record GuildMessage(string GuildId, string SenderId, string SenderName, string Text, DateTimeOffset SentAt);
public sealed record MemberPresence(string GuildId, string Nickname, int OnlineCount);
public sealed record AssistantMessage(string GuildId, string AskedBy, string Text, int Part, int Parts);
public sealed record MatchRecapMessage(string GuildId, string MatchId, string Recap, string ScoreLine);

public interface IGuildChatClient
{
    Task MessageReceived(GuildMessage message);
    Task MemberJoined(MemberPresence presence);
    Task MemberLeft(MemberPresence presence);
    Task Typing(string guildId, string nickname);
    Task AssistantReplied(AssistantMessage message);
    Task MatchRecap(MatchRecapMessage recap);
}

[Authorize]
public sealed class GuildChatHub(
    IChatClient chat,
    IContentReviewer review,
    IAigcTextLabeler label,
    ISynthesisAuditLog audit,
    ILogger<GuildChatHub> logger) : Hub<IGuildChatClient>
{
    private const int ChatChunk = 500;
    private static readonly ConcurrentDictionary<string, ConcurrentDictionary<string, byte>> Online = new();

    public async Task JoinGuild(string guildId)
    {
        if (Context.User?.GuildId() != guildId) throw new HubException("你不是该公会成员");

        await Groups.AddToGroupAsync(Context.ConnectionId, GroupName(guildId));
        var members = Online.GetOrAdd(guildId, _ => new());
        members[Context.ConnectionId] = 0;
        await Clients.Group(GroupName(guildId)).MemberJoined(new MemberPresence(guildId, Context.User.Nickname(), members.Count));
    }

    public async Task SendMessage(string guildId, string text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 500) throw new HubException("消息长度需在1到500字之间");
        var user = Context.User!;
        await Clients.Group(GroupName(guildId)).MessageReceived(
            new GuildMessage(guildId, user.PlayerId(), user.Nickname(), text, DateTimeOffset.UtcNow));
    }

    public Task StartTyping(string guildId) =>
        Clients.OthersInGroup(GroupName(guildId)).Typing(guildId, Context.User!.Nickname());

    /// <summary>Private question to 小港; streamed back to the caller only.</summary>
    [RequireRealName]
    public async IAsyncEnumerable<string> AskAssistant(string question, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var input = await review.EnsureAllowedAsync(question, ReviewStage.Input, cancellationToken);
        var updates = chat.GetStreamingResponseAsync(
            [new ChatMessage(ChatRole.System, Prompts.GuildAssistant), new ChatMessage(ChatRole.User, input)],
            new ChatOptions { Temperature = 0.6f }, cancellationToken);

        var reviewed = review.ReviewStream(updates.Select(u => u.Text), ReviewStage.Output, cancellationToken);
        var recorded = audit.RecordStream(reviewed,
            new GenerationRecord { UserId = Context.User!.PlayerId(), Model = "qwen-plus", Labeled = true }, cancellationToken);

        await foreach (var token in label.LabelStream(recorded, cancellationToken))
            yield return token;
    }

    /// <summary>"@小港" in the guild channel: the answer is posted for the whole guild.</summary>
    [RequireRealName]
    public async Task SummonAssistant(string guildId, string question)
    {
        var user = Context.User!;
        if (user.GuildId() != guildId) throw new HubException("你不是该公会成员");
        var ct = Context.ConnectionAborted;

        var input = await review.EnsureAllowedAsync(question, ReviewStage.Input, ct);
        var sb = new StringBuilder();
        await foreach (var update in chat.GetStreamingResponseAsync(
                           [new ChatMessage(ChatRole.System, Prompts.GuildAssistant), new ChatMessage(ChatRole.User, input)],
                           cancellationToken: ct))
        {
            sb.Append(update.Text);
        }

        var answer = await review.EnsureAllowedAsync(sb.ToString(), ReviewStage.Output, ct);
        await audit.RecordAsync(answer, new GenerationRecord { UserId = user.PlayerId(), Model = "qwen-plus" }, ct);

        var group = Clients.Group(GroupName(guildId));
        if (answer.Length <= ChatChunk)
        {
            await group.AssistantReplied(new AssistantMessage(guildId, user.Nickname(), label.Label(answer), 1, 1));
            return;
        }

        var parts = answer.SplitForChat(ChatChunk).ToList();
        for (var i = 0; i < parts.Count; i++)
        {
            await group.AssistantReplied(new AssistantMessage(guildId, user.Nickname(), parts[i], i + 1, parts.Count));
        }
        logger.LogDebug("Assistant answer split into {Parts} parts", parts.Count);
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        var guildId = Context.User?.GuildId();
        if (guildId is not null && Online.TryGetValue(guildId, out var members) && members.TryRemove(Context.ConnectionId, out _))
        {
            await Clients.Group(GroupName(guildId)).MemberLeft(new MemberPresence(guildId, Context.User!.Nickname(), members.Count));
        }
        await base.OnDisconnectedAsync(exception);
    }

    public static string GroupName(string guildId) => $"guild:{guildId}";
}
