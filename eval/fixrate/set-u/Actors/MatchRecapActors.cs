using Akka.Actor;
using Akka.DependencyInjection;
using Akka.Event;
using Akka.Hosting;
using DeepSynth.Compliance.Audit;
using DeepSynth.Compliance.Labeling;
using DeepSynth.Compliance.RealName;
using DeepSynth.Compliance.Review;
using Microsoft.AspNetCore.SignalR;
using StarHarbor.LiveOps.Data;
using StarHarbor.LiveOps.Hubs;
using StarHarbor.LiveOps.Infrastructure;
using StarHarbor.LiveOps.Models;
using StarHarbor.LiveOps.Notifications;
using StarHarbor.LiveOps.Providers;
using StarHarbor.LiveOps.Services;

namespace StarHarbor.LiveOps.Actors;

public sealed record MatchReported(MatchDoc Match);
public sealed record RecapReady(MatchDoc Match, string Recap, string Model);
internal sealed record RecapFailed(string MatchId, Exception Error);

/// <summary>Persists every reported match and forwards guild-war matches to the recap writer.</summary>
public sealed class MatchIngestActor : ReceiveActor
{
    private static readonly HashSet<string> RecapModes = ["guild-war", "ranked-5v5"];
    private readonly ILoggingAdapter _log = Context.GetLogger();

    public MatchIngestActor(IServiceProvider services, IRequiredActor<RecapWriterActor> writer)
    {
        var store = services.GetRequiredService<IDocumentStore>();

        ReceiveAsync<MatchReported>(async msg =>
        {
            var match = msg.Match with
            {
                MvpPlayerId = msg.Match.Players.Where(p => p.Team == msg.Match.WinningTeam).MaxBy(p => p.Score)?.PlayerId,
            };
            await store.UpsertAsync(Containers.Matches, match, match.Id, CancellationToken.None);
            _log.Info("Stored match {0} ({1}, {2} players)", match.Id, match.Mode, match.Players.Count);

            if (RecapModes.Contains(match.Mode) && match.GuildId is not null)
                writer.ActorRef.Tell(new MatchReported(match));
        });
    }
}

public sealed class RecapWriterActor : ReceiveActor
{
    private readonly ILoggingAdapter _log = Context.GetLogger();

    public RecapWriterActor(IServiceProvider services, IRequiredActor<RecapPublisherActor> publisher)
    {
        var writer = services.GetRequiredService<IRecapWriter>();
        var review = services.GetRequiredService<IContentReviewer>();
        var audit = services.GetRequiredService<ISynthesisAuditLog>();

        ReceiveAsync<MatchReported>(async msg =>
        {
            var match = msg.Match;
            var mvp = match.Players.FirstOrDefault(p => p.PlayerId == match.MvpPlayerId);
            var facts = string.Join('\n',
            [
                $"模式：{match.Mode}，地图：{match.Map}，时长：{match.DurationSeconds / 60}分{match.DurationSeconds % 60}秒",
                $"获胜方：{match.WinningTeam}",
                $"MVP：{mvp?.Nickname ?? "无"}（{mvp?.Kills}/{mvp?.Deaths}/{mvp?.Assists}）",
                .. match.Players.OrderByDescending(p => p.Score).Take(10)
                    .Select(p => $"{p.Team} {p.Nickname} 击杀{p.Kills} 死亡{p.Deaths} 助攻{p.Assists} 得分{p.Score}"),
            ]);

            try
            {
                var recap = await writer.WriteAsync(Prompts.MatchRecap, facts, CancellationToken.None);
                recap = await review.EnsureAllowedAsync(recap, ReviewStage.Output);
                await audit.RecordAsync(recap, new GenerationRecord { UserId = match.ReportedBy, Model = writer.Model, ContentId = match.Id });
                publisher.ActorRef.Tell(new RecapReady(match, recap, writer.Model));
            }
            catch (ContentBlockedException)
            {
                _log.Warning("Recap for match {0} was blocked by review", match.Id);
            }
            catch (ModelProviderException ex)
            {
                _log.Warning("Recap provider failed for match {0}: {1}", match.Id, ex.Status);
            }
        });
    }
}

/// <summary>Posts the recap to the guild channel, keeps it on the match page, and mails the MVP.</summary>
public sealed class RecapPublisherActor : ReceiveActor
{
    private readonly ILoggingAdapter _log = Context.GetLogger();

    public RecapPublisherActor(IServiceProvider services)
    {
        var store = services.GetRequiredService<IDocumentStore>();
        var hub = services.GetRequiredService<IHubContext<GuildChatHub, IGuildChatClient>>();
        var label = services.GetRequiredService<IAigcTextLabeler>();
        var mail = services.GetRequiredService<IMailDispatcher>();

        ReceiveAsync<RecapReady>(async msg =>
        {
            var match = msg.Match;
            await store.UpsertAsync(Containers.Matches, match with { Recap = msg.Recap, RecapModel = msg.Model }, match.Id, CancellationToken.None);

            using var scope = services.CreateScope();
            var gate = scope.ServiceProvider.GetRequiredService<IRealNameGate>();
            if (!await gate.IsVerifiedAsync(match.ReportedBy, CancellationToken.None))
            {
                _log.Info("Match {0} reporter not verified, recap kept on match page only", match.Id);
                return;
            }

            var scoreLine = string.Join(" vs ", match.Players.GroupBy(p => p.Team).Select(g => $"{g.Key} {g.Sum(p => p.Kills)}"));
            var labeled = label.Label(msg.Recap);
            await hub.Clients.Group(GuildChatHub.GroupName(match.GuildId!))
                .MatchRecap(new MatchRecapMessage(match.GuildId!, match.Id, labeled, scoreLine));

            if (match.MvpPlayerId is { } mvpId
                && await store.GetAsync<PlayerProfileDoc>(Containers.Players, mvpId, mvpId, CancellationToken.None) is { } mvp)
            {
                await mail.SendAsync(new OutgoingMail(mvp.Email, mvp.Nickname, $"【星港】你是 {match.Map} 之战的MVP！",
                    $"<p>{mvp.Nickname.HtmlEncode()}，恭喜！</p><blockquote>{labeled.HtmlEncode()}</blockquote><p>比分：{scoreLine.HtmlEncode()}</p>",
                    $"{mvp.Nickname}，恭喜！\n\n{labeled}\n\n比分：{scoreLine}", "mvp-recap"), CancellationToken.None);
            }
        });
    }
}

public static class MatchPipelineRegistration
{
    public static IServiceCollection AddMatchRecapPipeline(this IServiceCollection services) =>
        services.AddAkka("starharbor-matches", (builder, sp) =>
        {
            builder.WithActors((system, registry, resolver) =>
            {
                var publisher = system.ActorOf(resolver.Props<RecapPublisherActor>(), "recap-publisher");
                registry.Register<RecapPublisherActor>(publisher);

                var writer = system.ActorOf(resolver.Props<RecapWriterActor>(), "recap-writer");
                registry.Register<RecapWriterActor>(writer);

                var ingest = system.ActorOf(resolver.Props<MatchIngestActor>(), "match-ingest");
                registry.Register<MatchIngestActor>(ingest);
            });
        });
}
