using DeepSynth.Compliance;
using DeepSynth.Compliance.Audit;
using DeepSynth.Compliance.Labeling;
using DeepSynth.Compliance.Review;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using StarHarbor.LiveOps.Commands;
using StarHarbor.LiveOps.Data;
using StarHarbor.LiveOps.Infrastructure;
using StarHarbor.LiveOps.Models;
using StarHarbor.LiveOps.Services;

namespace StarHarbor.LiveOps.Controllers;

[ApiController]
[Route("api/npc")]
[Authorize]
public sealed class NpcController(
    NpcCatalog catalog,
    INpcDialogueService dialogue,
    IMediator mediator,
    IDocumentStore store,
    IContentReviewer review,
    IAigcTextLabeler label,
    ISynthesisAuditLog audit) : ControllerBase
{
    [HttpGet]
    [AllowAnonymous]
    public IEnumerable<NpcSummary> List() =>
        catalog.All.OrderBy(n => n.Zone).Select(n => new NpcSummary(n.Id, n.Name, n.Zone, n.Title));

    [HttpPost("{npcId}/talk")]
    [RequireRealName]
    public async Task<ActionResult<NpcTalkResponse>> Talk(string npcId, NpcTalkRequest request, CancellationToken ct)
    {
        var npc = catalog.Find(npcId);
        if (npc is null) return NotFound();
        if (string.IsNullOrWhiteSpace(request.Message) || request.Message.Length > 200)
            return ValidationProblem("消息长度需在1到200字之间。");

        var playerLine = await review.EnsureAllowedAsync(request.Message, ReviewStage.Input, ct);
        var reply = await dialogue.ReplyAsync(npc, User.Nickname(), playerLine, ct);
        var text = await review.EnsureAllowedAsync(reply.Text, ReviewStage.Output, ct);

        await audit.RecordAsync(text, new GenerationRecord
        {
            UserId = User.PlayerId(),
            Model = reply.Model,
            Labeled = true,
            Attributes = { ["feature"] = "npc-talk", ["npc"] = npc.Id },
        }, ct);

        return new NpcTalkResponse(npc.Id, npc.Name, label.Label(text), reply.Emotion, reply.Tokens);
    }

    [HttpPost("{npcId}/quests")]
    [RequireRealName]
    public async Task<ActionResult<QuestView>> CreateQuest(string npcId, QuestRequest request, CancellationToken ct)
    {
        if (catalog.Find(npcId) is null) return NotFound();

        var quest = await mediator.Send(new GenerateQuestCommand(
            User.PlayerId(), User.Nickname(), request.Level ?? 1, npcId, request.PreferredTheme), ct);
        return CreatedAtAction(nameof(GetQuest), new { questId = quest.Id }, quest);
    }

    [HttpGet("quests/{questId}")]
    public async Task<ActionResult<QuestDoc>> GetQuest(string questId, CancellationToken ct)
    {
        var quest = await store.GetAsync<QuestDoc>(Containers.Quests, questId, User.PlayerId(), ct);
        return quest is null ? NotFound() : quest;
    }

    [HttpGet("quests/{questId}/progress")]
    public async Task<ActionResult<QuestProgressView>> Progress(string questId, CancellationToken ct)
    {
        var quest = await store.GetAsync<QuestDoc>(Containers.Quests, questId, User.PlayerId(), ct);
        if (quest is null) return NotFound();

        var percent = quest.RequiredKills == 0 ? 100 : Math.Round(100.0 * quest.Progress / quest.RequiredKills, 1);
        return new QuestProgressView(quest.Id, quest.Status, quest.Progress, quest.RequiredKills, percent);
    }

    [HttpPost("quests/{questId}/abandon")]
    public async Task<IActionResult> Abandon(string questId, CancellationToken ct)
    {
        var quest = await store.GetAsync<QuestDoc>(Containers.Quests, questId, User.PlayerId(), ct);
        if (quest is null) return NotFound();
        if (quest.Status is "completed" or "abandoned")
            return Conflict(new { error = $"任务已处于 {quest.Status} 状态" });

        await store.UpsertAsync(Containers.Quests, quest with { Status = "abandoned" }, quest.PlayerId, ct);
        return Ok(new { questId, status = "abandoned" });
    }
}
