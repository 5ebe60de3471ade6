using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DeepSynth.Compliance.Audit;
using DeepSynth.Compliance.Labeling;
using DeepSynth.Compliance.RealName;
using DeepSynth.Compliance.Review;
using Hangfire;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.Connectors.OpenAI;
using StarHarbor.LiveOps.Data;
using StarHarbor.LiveOps.Infrastructure;
using StarHarbor.LiveOps.Models;
using StarHarbor.LiveOps.Notifications;
using StarHarbor.LiveOps.Providers;
using StarHarbor.LiveOps.Services;

namespace StarHarbor.LiveOps.Jobs;

public sealed record WeeklyStats(int Matches, int Wins, int Kills, int QuestsCompleted, int LettersReceived);

public sealed class WeeklyDigestJob(
    Kernel kernel,
    IDocumentStore store,
    IMailDispatcher mail,
    IPushDispatcher push,
    IRealNameGate realName,
    IContentReviewer review,
    IAigcTextLabeler label,
    ISynthesisAuditLog audit,
    TimeProvider clock,
    ILogger<WeeklyDigestJob> logger)
{
    private const string DigestPrompt =
        """
        你是《星港》的周报编辑。根据玩家本周数据，写一段不超过100字的个性化周报开头，口吻温暖，
        点出一个亮点并鼓励下周目标。不要编造数据里没有的内容。
        玩家昵称：{{$nickname}}
        本周对局：{{$matches}} 场，胜利 {{$wins}} 场，击杀 {{$kills}}
        完成任务：{{$quests}} 个
        """;

    [AutomaticRetry(Attempts = 1)]
    [DisableConcurrentExecution(timeoutInSeconds: 3600)]
    public async Task RunAsync(string region, CancellationToken ct)
    {
        var since = clock.GetUtcNow().AddDays(-7);
        var players = await store.QueryAsync<PlayerProfileDoc>(Containers.Players,
            new QueryDefinition("SELECT * FROM c WHERE c.region = @r AND c.digestOptIn = true").WithParameter("@r", region), ct, 20_000);

        var mails = new List<OutgoingMail>();
        foreach (var player in players)
        {
            var stats = await LoadStatsAsync(player.Id, since, ct);
            if (stats.Matches == 0 && stats.QuestsCompleted == 0) continue;
            if (!await realName.IsVerifiedAsync(player.Id, ct)) continue;

            var settings = new OpenAIPromptExecutionSettings { Temperature = 0.8, MaxTokens = 250 };
            var result = await kernel.InvokePromptAsync(DigestPrompt, new KernelArguments(settings)
            {
                ["nickname"] = player.Nickname,
                ["matches"] = stats.Matches.ToString(CultureInfo.InvariantCulture),
                ["wins"] = stats.Wins.ToString(CultureInfo.InvariantCulture),
                ["kills"] = stats.Kills.ToString(CultureInfo.InvariantCulture),
                ["quests"] = stats.QuestsCompleted.ToString(CultureInfo.InvariantCulture),
            }, cancellationToken: ct);

            var opener = await review.EnsureAllowedAsync(result.GetValue<string>() ?? "", ReviewStage.Output, ct);
            await audit.RecordAsync(opener, new GenerationRecord { UserId = player.Id, Model = "weekly-digest" }, ct);

            mails.Add(new OutgoingMail(player.Email, player.Nickname, $"【星港周报】{player.Nickname} 的本周航海日志",
                RenderHtml(player, stats, opener), RenderText(player, stats, opener), "weekly-digest"));

            await push.SendToPlayerAsync(player.Id,
                new PushPayload("星港周报", label.Label(opener.Clip(70)), "/digest", "weekly-digest"), ct);
        }

        await mail.SendBatchAsync(mails, ct);
        logger.LogInformation("Weekly digest for {Region}: {Count} players", region, mails.Count);
    }

    private async Task<WeeklyStats> LoadStatsAsync(string playerId, DateTimeOffset since, CancellationToken ct)
    {
        var matches = await store.QueryAsync<MatchDoc>(Containers.Matches,
            new QueryDefinition("SELECT * FROM c WHERE c.finishedAt >= @since AND EXISTS(SELECT VALUE p FROM p IN c.players WHERE p.playerId = @id)")
                .WithParameter("@since", since).WithParameter("@id", playerId), ct, 500);
        var quests = await store.QueryAsync<int>(Containers.Quests,
            new QueryDefinition("SELECT VALUE COUNT(1) FROM c WHERE c.playerId = @id AND c.status = 'completed' AND c.createdAt >= @since")
                .WithParameter("@id", playerId).WithParameter("@since", since), ct, 1);

        var lines = matches.SelectMany(m => m.Players.Where(p => p.PlayerId == playerId).Select(p => (m, p))).ToList();
        return new WeeklyStats(
            lines.Count,
            lines.Count(x => x.p.Team == x.m.WinningTeam),
            lines.Sum(x => x.p.Kills),
            quests.FirstOrDefault(),
            0);
    }

    private static string RenderHtml(PlayerProfileDoc player, WeeklyStats stats, string opener)
    {
        var sb = new StringBuilder();
        sb.Append("<div style=\"font-family:'PingFang SC',sans-serif;max-width:560px\">");
        sb.Append($"<h2>{player.Nickname.HtmlEncode()} 的本周航海日志</h2>");
        sb.Append($"<p>{opener.HtmlEncode()}</p>");
        sb.Append("<table cellpadding=\"6\" style=\"border-collapse:collapse\">");
        sb.Append($"<tr><td>对局</td><td>{stats.Matches}</td></tr>");
        sb.Append($"<tr><td>胜利</td><td>{stats.Wins}</td></tr>");
        sb.Append($"<tr><td>击杀</td><td>{stats.Kills}</td></tr>");
        sb.Append($"<tr><td>完成任务</td><td>{stats.QuestsCompleted}</td></tr>");
        sb.Append("</table>");
        sb.Append("<p style=\"color:#888;font-size:12px\">不想再收到周报？在游戏内「设置 - 通知」中关闭。</p></div>");
        return sb.ToString();
    }

    private static string RenderText(PlayerProfileDoc player, WeeklyStats stats, string opener) =>
        $"{player.Nickname} 的本周航海日志\n\n{opener}\n\n对局 {stats.Matches} / 胜利 {stats.Wins} / 击杀 {stats.Kills} / 完成任务 {stats.QuestsCompleted}";
}

public sealed class EventReminderJob(
    IDocumentStore store,
    IPushDispatcher push,
    QianfanChatClient qianfan,
    IContentReviewer review,
    IAigcTextLabeler label,
    ISynthesisAuditLog audit,
    TimeProvider clock,
    ILogger<EventReminderJob> logger)
{
    private static readonly TimeZoneInfo Beijing = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    [AutomaticRetry(Attempts = 0)]
    public async Task RunAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var upcoming = await store.QueryAsync<LiveEventDoc>(Containers.LiveEvents,
            new QueryDefinition("SELECT * FROM c WHERE c.startsAt > @now AND c.startsAt <= @until")
                .WithParameter("@now", now).WithParameter("@until", now.AddHours(1)), ct);

        foreach (var ev in upcoming)
        {
            var local = TimeZoneInfo.ConvertTime(ev.StartsAt, Beijing);
            var body = $"{ev.Name} 将于 {local:HH:mm} 开始，持续到 {TimeZoneInfo.ConvertTime(ev.EndsAt, Beijing):MM-dd HH:mm}。";

            if (ev.Featured)
            {
                var hype = await qianfan.CompleteAsync(
                [
                    ChatTurn.System("你是《星港》的活动主持人，用一句不超过25字、带感叹号的话为活动预热。"),
                    ChatTurn.User($"活动：{ev.Name}\n简介：{ev.Blurb}"),
                ], temperature: 1.0f, maxTokens: 60, ct: ct);

                await review.EnsureAllowedAsync(ev.Blurb, ReviewStage.Output, ct);
                await audit.RecordAsync(hype.Text, new GenerationRecord { Model = hype.Model, ContentId = ev.Id, Labeled = true }, ct);
                body = label.Label(hype.Text) + "\n" + body;
            }

            var delivered = await push.SendToRegionAsync(ev.Region,
                new PushPayload("活动即将开始", body, $"/events/{ev.Id}", $"event-{ev.Id}"), ct);
            logger.LogInformation("Reminder for {Event}: {Delivered} deliveries", ev.Id, delivered);
        }
    }
}

public sealed class BountyBoardJob(
    Kernel kernel,
    IDocumentStore store,
    IContentReviewer review,
    IAigcTextLabeler label,
    ISynthesisAuditLog audit,
    IOptions<LiveOpsOptions> options,
    TimeProvider clock,
    ILogger<BountyBoardJob> logger)
{
    private sealed record BountyDraft(string Title, string Description, int RewardGold, string Difficulty);

    private const string BoardPrompt =
        """
        为《星港》{{$region}} 服务器的悬赏板生成 5 个今日悬赏，难度分别为 简单、简单、普通、普通、困难。
        只输出 JSON 数组：[{"title": "...", "description": "不超过60字", "rewardGold": 数字, "difficulty": "简单|普通|困难"}]
        """;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [AutomaticRetry(Attempts = 2)]
    public async Task RunAsync(CancellationToken ct)
    {
        var date = clock.GetUtcNow().AddHours(8).ToString("yyyy-MM-dd");
        foreach (var region in options.Value.Regions)
        {
            var result = await kernel.InvokePromptAsync(BoardPrompt,
                new KernelArguments(new OpenAIPromptExecutionSettings { Temperature = 1.0, ResponseFormat = "json_object" }) { ["region"] = region },
                cancellationToken: ct);

            var raw = result.GetValue<string>() ?? "[]";
            var drafts = JsonSerializer.Deserialize<List<BountyDraft>>(raw.Trim().TrimStart('`').Replace("json\n", ""), Json) ?? [];
            await review.EnsureAllTextAllowedAsync(drafts, ReviewStage.Output, ct);
            await audit.RecordAllTextAsync(drafts, new GenerationRecord { Model = "bounty-board", ContentId = $"{region}:{date}", Labeled = true }, ct);

            var index = 0;
            foreach (var d in drafts)
            {
                index++;
                var doc = new BountyDoc($"{region}-{date}-{index}", region, date, d.Title, label.Label(d.Description),
                    Math.Clamp(d.RewardGold, 20, 2000), d.Difficulty);
                await store.UpsertAsync(Containers.Bounties, doc, region, ct);
            }
            logger.LogInformation("Bounty board {Region} {Date}: {Count} bounties", region, date, index);
        }
    }
}

/// <summary>Morning ops summary to the live-ops DingTalk group.</summary>
public sealed class OpsReportJob(
    IDocumentStore store,
    IUsageMeter usage,
    IHttpClientFactory http,
    IOptions<LiveOpsOptions> options,
    TimeProvider clock)
{
    public async Task RunAsync(CancellationToken ct)
    {
        var since = clock.GetUtcNow().AddDays(-1);
        var hidden = await CountAsync(Containers.Posts, "SELECT VALUE COUNT(1) FROM c WHERE c.visibility = 'hidden' AND c.createdAt >= @s", since, ct);
        var posts = await CountAsync(Containers.Posts, "SELECT VALUE COUNT(1) FROM c WHERE c.createdAt >= @s", since, ct);
        var matches = await CountAsync(Containers.Matches, "SELECT VALUE COUNT(1) FROM c WHERE c.finishedAt >= @s", since, ct);

        var lines = usage.Snapshot().Select(u => $"- {u.Provider}/{u.Model}: {u.Requests} 次，{u.PromptTokens + u.CompletionTokens} tokens");
        var text = $"""
            #### 星港 Live-Ops 日报 {clock.GetUtcNow().AddHours(8):yyyy-MM-dd}
            - 新帖 {posts}，隐藏 {hidden}
            - 对局 {matches}
            {string.Join('\n', lines)}
            """;

        var client = http.CreateClient("ops-webhook");
        using var response = await client.PostAsJsonAsync(options.Value.OpsWebhookUrl,
            new { msgtype = "markdown", markdown = new { title = "Live-Ops 日报", text } }, ct);
        response.EnsureSuccessStatusCode();
    }

    private async Task<int> CountAsync(string container, string sql, DateTimeOffset since, CancellationToken ct) =>
        (await store.QueryAsync<int>(container, new QueryDefinition(sql).WithParameter("@s", since), ct, 1)).FirstOrDefault();
}
