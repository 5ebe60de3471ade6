using Akka.Actor;
using Status = Grpc.Core.Status;
using Akka.Hosting;
using DeepSynth.Compliance;
using DeepSynth.Compliance.Audit;
using DeepSynth.Compliance.Labeling;
using DeepSynth.Compliance.Review;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using StarHarbor.GameClient.V1;
using StarHarbor.LiveOps.Actors;
using StarHarbor.LiveOps.Data;
using StarHarbor.LiveOps.Infrastructure;
using StarHarbor.LiveOps.Models;
using StarHarbor.LiveOps.Providers;
using StarHarbor.LiveOps.Services;

namespace StarHarbor.LiveOps.Grpc;

public interface IShardDirectory
{
    Task<IReadOnlyList<ShardStatus>> GetAsync(string region, CancellationToken ct);
}

[Authorize]
public sealed class GameClientService(
    NpcCatalog catalog,
    INpcDialogueService dialogue,
    IStreamingNarrator narrator,
    IDocumentStore store,
    IShardDirectory shards,
    IRequiredActor<MatchIngestActor> matchIngest,
    IContentReviewer review,
    IAigcTextLabeler label,
    ISynthesisAuditLog audit) : GameClient.V1.GameClient.GameClientBase
{
    [RequireRealName]
    public override async Task<NpcLineReply> GetNpcLine(NpcLineRequest request, ServerCallContext context)
    {
        var npc = catalog.Find(request.NpcId) ?? throw new RpcException(new Status(StatusCode.NotFound, "unknown npc"));
        var user = context.GetHttpContext().User;
        var ct = context.CancellationToken;

        NpcReply reply;
        if (string.IsNullOrWhiteSpace(request.PlayerUtterance))
        {
            var location = string.IsNullOrWhiteSpace(request.Location)
                ? npc.Zone
                : await review.EnsureAllowedAsync(request.Location, ReviewStage.Input, ct);
            reply = await dialogue.BarkAsync(npc, "平常", location, ct);
        }
        else
        {
            var utterance = await review.EnsureAllowedAsync(request.PlayerUtterance, ReviewStage.Input, ct);
            reply = await dialogue.ReplyAsync(npc, user.Nickname(), utterance, ct);
        }

        var text = await review.EnsureAllowedAsync(reply.Text, ReviewStage.Output, ct);
        await audit.RecordAsync(text, new GenerationRecord { UserId = user.PlayerId(), Model = reply.Model, Labeled = true }, ct);

        return new NpcLineReply { NpcId = npc.Id, Text = label.Label(text), Emotion = reply.Emotion, VoiceId = npc.VoiceId };
    }

    [RequireRealName]
    public override async Task StreamQuestNarration(NarrationRequest request, IServerStreamWriter<NarrationChunk> responseStream, ServerCallContext context)
    {
        var user = context.GetHttpContext().User;
        var ct = context.CancellationToken;
        var quest = await store.GetAsync<QuestDoc>(Containers.Quests, request.QuestId, user.PlayerId(), ct)
                    ?? throw new RpcException(new Status(StatusCode.NotFound, "quest not found"));

        var choice = await review.EnsureAllowedAsync(request.ChoiceLabel, ReviewStage.Input, ct);
        var action = string.IsNullOrWhiteSpace(request.FreeformAction) ? choice : request.FreeformAction;

        await responseStream.WriteAsync(new NarrationChunk { Text = label.Notice, IsNotice = true }, ct);

        var tokens = narrator.StreamAsync(
        [
            ChatTurn.System("你是《星港》的说书人，用生动但克制的中文叙述。"),
            ChatTurn.User(Prompts.Narration(quest.Title, quest.Narrative, action)),
        ], ct);
        var reviewed = review.ReviewStream(tokens, ReviewStage.Output, ct);
        var recorded = audit.RecordStream(reviewed,
            new GenerationRecord { UserId = user.PlayerId(), Model = narrator.Model, ContentId = quest.Id, Labeled = true }, ct);

        await foreach (var token in recorded.WithCancellation(ct))
            await responseStream.WriteAsync(new NarrationChunk { Text = token }, ct);

        await responseStream.WriteAsync(new NarrationChunk { IsFinal = true }, ct);
    }

    [AllowAnonymous]
    public override async Task<ShardStatusReply> GetShardStatus(ShardStatusRequest request, ServerCallContext context)
    {
        var reply = new ShardStatusReply { AsOf = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow) };
        reply.Shards.AddRange(await shards.GetAsync(request.Region, context.CancellationToken));
        return reply;
    }

    public override Task<MatchReportAck> ReportMatch(MatchReport request, ServerCallContext context)
    {
        if (request.Players.Count < 2)
            return Task.FromResult(new MatchReportAck { MatchId = request.MatchId, Accepted = false, Reason = "too few players" });

        var reporter = context.GetHttpContext().User.PlayerId();
        var match = new MatchDoc
        {
            Id = request.MatchId,
            Mode = request.Mode,
            Map = request.Map,
            ReportedBy = reporter,
            GuildId = string.IsNullOrEmpty(request.GuildId) ? null : request.GuildId,
            DurationSeconds = request.DurationSeconds,
            WinningTeam = request.WinningTeam,
            Players = request.Players.Select(p => new MatchPlayerLine(p.PlayerId, p.Nickname, p.Team, p.Kills, p.Deaths, p.Assists, p.Score)).ToList(),
            FinishedAt = request.FinishedAt?.ToDateTimeOffset() ?? DateTimeOffset.UtcNow,
        };
        matchIngest.ActorRef.Tell(new MatchReported(match));
        return Task.FromResult(new MatchReportAck { MatchId = request.MatchId, Accepted = true });
    }
}

/// <summary>Shard population comes from the game-server fleet's heartbeat documents.</summary>
public sealed class CosmosShardDirectory(IDocumentStore store) : IShardDirectory
{
    private sealed record ShardHeartbeat(string Id, string Name, string Region, int Online, int Capacity, int QueueSeconds, string State);

    public async Task<IReadOnlyList<ShardStatus>> GetAsync(string region, CancellationToken ct)
    {
        var beats = await store.QueryAsync<ShardHeartbeat>("shard-heartbeats",
            new Microsoft.Azure.Cosmos.QueryDefinition("SELECT * FROM c WHERE c.region = @r").WithParameter("@r", region), ct);
        return beats.Select(b => new ShardStatus
        {
            ShardId = b.Id, Name = b.Name, Online = b.Online, Capacity = b.Capacity, QueueSeconds = b.QueueSeconds, State = b.State,
        }).ToList();
    }
}
