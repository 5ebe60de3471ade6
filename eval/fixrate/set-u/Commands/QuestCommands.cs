using System.Text.Json;
using DeepSynth.Compliance.Labeling;
using DeepSynth.Compliance.Review;
using Mediator;
using StarHarbor.LiveOps.Data;
using StarHarbor.LiveOps.Models;
using StarHarbor.LiveOps.Providers;
using StarHarbor.LiveOps.Services;

namespace StarHarbor.LiveOps.Commands;

public sealed record GenerateQuestCommand(string PlayerId, string PlayerName, int PlayerLevel, string NpcId, string? PreferredTheme)
    : ICommand<QuestView>;

internal sealed record QuestDraft(string Title, string Objective, string Narrative, int RewardGold, int RequiredKills);

public sealed class GenerateQuestHandler(
    QianfanChatClient qianfan,
    NpcCatalog catalog,
    IDocumentStore store,
    IContentReviewer review,
    IAigcTextLabeler label,
    TimeProvider clock) : ICommandHandler<GenerateQuestCommand, QuestView>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async ValueTask<QuestView> Handle(GenerateQuestCommand command, CancellationToken cancellationToken)
    {
        var npc = catalog.Find(command.NpcId) ?? throw new KeyNotFoundException(command.NpcId);

        var theme = string.IsNullOrWhiteSpace(command.PreferredTheme)
            ? "随意"
            : await review.EnsureAllowedAsync(command.PreferredTheme, ReviewStage.Input, cancellationToken);

        var result = await qianfan.CompleteAsync(
        [
            ChatTurn.System(Prompts.QuestDesigner),
            ChatTurn.User($"NPC：{npc.Name}（{npc.Title}，{npc.Zone}）\n玩家等级：{command.PlayerLevel}\n偏好主题：{theme}"),
        ], temperature: 0.9f, maxTokens: 600, jsonMode: true, ct: cancellationToken);

        var draft = JsonSerializer.Deserialize<QuestDraft>(result.Text, Json)
                    ?? throw new ModelProviderException("qianfan", 200, "quest JSON did not parse");
        await review.EnsureAllTextAllowedAsync(draft, ReviewStage.Output, cancellationToken);

        var doc = new QuestDoc(
            Id: $"q_{Guid.NewGuid():N}",
            PlayerId: command.PlayerId,
            NpcId: npc.Id,
            Title: draft.Title,
            Objective: draft.Objective,
            Narrative: draft.Narrative,
            RewardGold: Math.Clamp(draft.RewardGold, 50, 500),
            RequiredKills: Math.Clamp(draft.RequiredKills, 1, 30),
            Progress: 0,
            Status: "active",
            Model: result.Model,
            CreatedAt: clock.GetUtcNow());
        await store.UpsertAsync(Containers.Quests, doc, doc.PlayerId, cancellationToken);

        return new QuestView(doc.Id, doc.NpcId, label.Notice, doc.Title, doc.Objective, doc.Narrative, doc.RewardGold);
    }
}
