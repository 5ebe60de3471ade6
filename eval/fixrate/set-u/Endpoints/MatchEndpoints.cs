using System.Security.Claims;
using DeepSynth.Compliance.Labeling;
using Microsoft.Azure.Cosmos;
using StarHarbor.LiveOps.Data;
using StarHarbor.LiveOps.Infrastructure;
using StarHarbor.LiveOps.Models;

namespace StarHarbor.LiveOps.Endpoints;

public static class MatchEndpoints
{
    public static void MapMatchesAndMailbox(this IEndpointRouteBuilder app)
    {
        var matches = app.MapGroup("/api/matches").WithTags("Matches");

        matches.MapGet("/{id}", async (string id, HttpContext http, IDocumentStore store, CancellationToken ct) =>
        {
            var m = await store.GetAsync<MatchDoc>(Containers.Matches, id, id, ct);
            return m is null
                ? Results.NotFound()
                : Results.Ok(ApiEnvelope<MatchScoreboard>.From(http, new MatchScoreboard(m.Id, m.Mode, m.Map, m.DurationSeconds,
                    m.WinningTeam, m.Players.OrderByDescending(p => p.Score).ToList(), m.FinishedAt)));
        }).RequireAuthorization();

        // Share links from the guild channel open this without a login.
        matches.MapGet("/{id}/recap", async (string id, IDocumentStore store, CancellationToken ct) =>
        {
            var m = await store.GetAsync<MatchDoc>(Containers.Matches, id, id, ct);
            if (m?.Recap is null) return Results.NotFound(new { error = "该对局暂无战报" });
            return Results.Ok(new MatchRecapView(m.Id, m.Recap, m.RecapModel ?? "unknown"));
        }).AllowAnonymous();

        var mailbox = app.MapGroup("/api/mailbox").WithTags("Mailbox").RequireAuthorization();

        mailbox.MapGet("/", async (ClaimsPrincipal user, bool? unreadOnly, IDocumentStore store, CancellationToken ct) =>
        {
            var sql = unreadOnly == true
                ? "SELECT * FROM c WHERE c.playerId = @p AND c.read = false ORDER BY c.sentAt DESC"
                : "SELECT * FROM c WHERE c.playerId = @p ORDER BY c.sentAt DESC";
            var letters = await store.QueryAsync<MailboxLetterDoc>(Containers.Mailbox,
                new QueryDefinition(sql).WithParameter("@p", user.PlayerId()), ct, 50);
            return letters.Select(l => new MailboxItem(l.Id, l.Sender, l.Subject, l.Body, l.Read, l.SentAt));
        });

        mailbox.MapGet("/unread-count", async (ClaimsPrincipal user, IDocumentStore store, CancellationToken ct) =>
        {
            var counts = await store.QueryAsync<int>(Containers.Mailbox,
                new QueryDefinition("SELECT VALUE COUNT(1) FROM c WHERE c.playerId = @p AND c.read = false")
                    .WithParameter("@p", user.PlayerId()), ct, 1);
            return Results.Ok(new { unread = counts.FirstOrDefault() });
        });

        mailbox.MapPost("/{letterId}/read", async (string letterId, ClaimsPrincipal user, IDocumentStore store, CancellationToken ct) =>
        {
            var letter = await store.GetAsync<MailboxLetterDoc>(Containers.Mailbox, letterId, user.PlayerId(), ct);
            if (letter is null) return Results.NotFound();
            await store.UpsertAsync(Containers.Mailbox, letter with { Read = true }, user.PlayerId(), ct);
            return Results.NoContent();
        });

        app.MapGet("/api/bounties/{region}", async (string region, IDocumentStore store, IAigcTextLabeler label, TimeProvider clock, CancellationToken ct) =>
        {
            var date = clock.GetUtcNow().AddHours(8).ToString("yyyy-MM-dd");
            var bounties = await store.QueryAsync<BountyDoc>(Containers.Bounties,
                new QueryDefinition("SELECT * FROM c WHERE c.region = @r AND c.date = @d")
                    .WithParameter("@r", region).WithParameter("@d", date), ct, 20);
            return Results.Ok(new BountyBoardView(region, date, label.Notice,
                bounties.Select(b => new BountyItem(b.Id, b.Title, b.Description, b.RewardGold, b.Difficulty)).ToList()));
        }).WithTags("Bounties").CacheOutput(p => p.Expire(TimeSpan.FromMinutes(10)).SetVaryByRouteValue("region"));
    }
}
