using System.Collections.Concurrent;
using System.Text.Json;
using StarHarbor.LiveOps.Models;
using StarHarbor.LiveOps.Providers;

namespace StarHarbor.LiveOps.Services;

public sealed record NpcProfile(string Id, string Name, string Zone, string Title, string Persona, string VoiceId);

public sealed record NpcReply(string Text, string Emotion, string Model, int Tokens);

public sealed class NpcCatalog
{
    private readonly Dictionary<string, NpcProfile> _npcs = new(StringComparer.OrdinalIgnoreCase)
    {
        ["harbormaster-lin"] = new("harbormaster-lin", "林港务长", "星港码头", "港务长",
            "年过五十的老水手，说话简短、爱用航海比喻，对新来的旅行者既严厉又照顾。", "male-qn-jingying"),
        ["alchemist-yue"] = new("alchemist-yue", "月见", "琉璃工坊", "炼金术士",
            "好奇心旺盛的年轻炼金师，说话快、常跑题，喜欢拿玩家做实验。", "female-shaonv"),
        ["ranger-kai"] = new("ranger-kai", "凯", "雾林哨站", "游侠",
            "沉默寡言的游侠，只在谈到雾林里的怪物时才会多说几句。", "male-qn-qingse"),
        ["merchant-bao"] = new("merchant-bao", "宝掌柜", "云集市", "商人",
            "精明又幽默的商人，三句话不离价钱，偶尔透露小道消息。", "presenter_male"),
    };

    public IReadOnlyCollection<NpcProfile> All => _npcs.Values;

    public NpcProfile? Find(string id) => _npcs.GetValueOrDefault(id);
}

public interface INpcDialogueService
{
    string Model { get; }
    Task<NpcReply> ReplyAsync(NpcProfile npc, string playerName, string playerLine, CancellationToken ct);
    Task<NpcReply> BarkAsync(NpcProfile npc, string mood, string location, CancellationToken ct);
}

public sealed class NpcDialogueService(QianfanChatClient qianfan, ILogger<NpcDialogueService> logger) : INpcDialogueService
{
    private static readonly string[] Emotions = ["neutral", "happy", "angry", "sad", "surprised"];

    public string Model => qianfan.Model;

    public async Task<NpcReply> ReplyAsync(NpcProfile npc, string playerName, string playerLine, CancellationToken ct)
    {
        var messages = new List<ChatTurn>
        {
            ChatTurn.System(Prompts.NpcSystem(npc)),
            ChatTurn.User($"玩家「{playerName}」对你说：{playerLine}"),
        };
        var result = await qianfan.CompleteAsync(messages, temperature: 0.85f, maxTokens: 300, jsonMode: true, ct: ct);
        return Parse(result, logger);
    }

    public async Task<NpcReply> BarkAsync(NpcProfile npc, string mood, string location, CancellationToken ct)
    {
        var messages = new List<ChatTurn>
        {
            ChatTurn.System(Prompts.NpcSystem(npc)),
            ChatTurn.User($"你此刻在「{location}」，心情：{mood}。随口说一句不超过30字的台词，不要提到玩家。"),
        };
        var result = await qianfan.CompleteAsync(messages, temperature: 1.0f, maxTokens: 120, jsonMode: true, ct: ct);
        return Parse(result, logger);
    }

    private static NpcReply Parse(CompletionResult result, ILogger logger)
    {
        try
        {
            using var doc = JsonDocument.Parse(result.Text);
            var line = doc.RootElement.GetProperty("line").GetString() ?? "";
            var emotion = doc.RootElement.TryGetProperty("emotion", out var e) ? e.GetString() ?? "neutral" : "neutral";
            if (!Emotions.Contains(emotion)) emotion = "neutral";
            return new NpcReply(line, emotion, result.Model, result.PromptTokens + result.CompletionTokens);
        }
        catch (JsonException)
        {
            logger.LogDebug("NPC reply was not JSON, using raw text");
            return new NpcReply(result.Text, "neutral", result.Model, result.PromptTokens + result.CompletionTokens);
        }
    }
}

public static class Prompts
{
    public static string NpcSystem(NpcProfile npc) =>
        $$"""
         你是游戏《星港》中的NPC「{{npc.Name}}」，身份是{{npc.Title}}，所在地点：{{npc.Zone}}。
         人设：{{npc.Persona}}
         始终保持角色，不讨论现实世界的政治、宗教或其他游戏。回答不超过80字。
         以JSON输出：{"line": "台词", "emotion": "neutral|happy|angry|sad|surprised"}
         """;

    public const string QuestDesigner =
        """
        你是《星港》的任务设计师。根据NPC与玩家信息设计一个支线任务。
        以JSON输出：{"title": "...", "objective": "...", "narrative": "...", "rewardGold": 数字, "requiredKills": 数字}
        narrative 不超过150字，objective 一句话。奖励金币在 50 到 500 之间，与玩家等级相称。
        """;

    public const string GuideAssistant =
        """
        你是《星港》玩家指南助手。只根据提供的指南资料回答，资料里没有的内容就说不知道，并建议玩家查看官方公告。
        不要编造活动时间、掉落概率或兑换码。回答使用简体中文，分点列出步骤。
        """;

    public const string GuildAssistant =
        "你是星港公会频道里的助手「小港」。语气轻松，回答简短，涉及账号、充值、封禁的问题请引导玩家联系客服。";

    public const string PatchNotesEditor =
        """
        You are the live-ops copy editor for the game StarHarbor (星港). Turn the change list into player-facing
        patch notes in Simplified Chinese: a two-sentence intro, then sections 【新内容】【调整】【修复】 with bullet points.
        Do not invent changes that are not in the list. Keep numbers exactly as given.
        """;

    public static string Narration(string questTitle, string questNarrative, string action) =>
        $"""
         当前任务「{questTitle}」：{questNarrative}
         玩家选择的行动：{action}
         以第二人称、说书人的口吻续写这一幕，200字以内，结尾留一个悬念。
         """;

    public const string MatchRecap =
        "You are a shoutcaster for StarHarbor guild wars. Write a lively 3-4 sentence recap in Simplified Chinese " +
        "from the match facts. Mention the MVP by nickname and one turning point. No profanity, no trash talk.";

    public const string MilestoneLetter =
        """
        你是星港的林港务长，给达成里程碑的旅行者写一封简短的信（120字以内），语气像老水手，落款「林港务长」。
        不要承诺任何奖励或道具。
        """;
}

public interface IUsageMeter
{
    void Record(string provider, string model, int promptTokens, int completionTokens);
    IReadOnlyList<ModelUsageRow> Snapshot();
}

public sealed class UsageMeter : IUsageMeter
{
    private sealed class Counter
    {
        public long Requests;
        public long Prompt;
        public long Completion;
    }

    private readonly ConcurrentDictionary<(string Provider, string Model), Counter> _counters = new();

    public void Record(string provider, string model, int promptTokens, int completionTokens)
    {
        var c = _counters.GetOrAdd((provider, model), _ => new Counter());
        Interlocked.Increment(ref c.Requests);
        Interlocked.Add(ref c.Prompt, promptTokens);
        Interlocked.Add(ref c.Completion, completionTokens);
    }

    public IReadOnlyList<ModelUsageRow> Snapshot() =>
        _counters
            .Select(kv => new ModelUsageRow(kv.Key.Provider, kv.Key.Model,
                Interlocked.Read(ref kv.Value.Requests),
                Interlocked.Read(ref kv.Value.Prompt),
                Interlocked.Read(ref kv.Value.Completion)))
            .OrderBy(r => r.Provider).ThenBy(r => r.Model)
            .ToList();
}
