using System.Security.Claims;
using Microsoft.Extensions.Options;
using StarHarbor.LiveOps.Data;
using StarHarbor.LiveOps.Infrastructure;
using StarHarbor.LiveOps.Messaging;
using StarHarbor.LiveOps.Models;
using StarHarbor.LiveOps.Services;

namespace StarHarbor.LiveOps.Endpoints;

public static class OpsEndpoints
{
    public static void MapOps(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", async (IDocumentStore store, CancellationToken ct) =>
        {
            var cosmos = await store.PingAsync(ct);
            return cosmos
                ? Results.Ok(new { status = "ok", cosmos = "up", time = DateTimeOffset.UtcNow })
                : Results.Json(new { status = "degraded", cosmos = "down" }, statusCode: 503);
        }).AllowAnonymous().ExcludeFromDescription();

        app.MapGet("/api/players/me", async (ClaimsPrincipal user, IDocumentStore store, CancellationToken ct) =>
        {
            var id = user.PlayerId();
            var p = await store.GetAsync<PlayerProfileDoc>(Containers.Players, id, id, ct);
            return p is null
                ? Results.NotFound()
                : Results.Ok(new PlayerMeView(p.Id, p.Nickname, p.Region, p.Level, p.GuildId, p.DigestOptIn));
        }).RequireAuthorization();

        app.MapPatch("/api/players/me/digest", async (bool optIn, ClaimsPrincipal user, IDocumentStore store, CancellationToken ct) =>
        {
            var id = user.PlayerId();
            var p = await store.GetAsync<PlayerProfileDoc>(Containers.Players, id, id, ct);
            if (p is null) return Results.NotFound();
            await store.UpsertAsync(Containers.Players, p with { DigestOptIn = optIn }, id, ct);
            return Results.Ok(new { digestOptIn = optIn });
        }).RequireAuthorization();

        var ops = app.MapGroup("/api/ops").WithTags("Ops").RequireAuthorization(p => p.RequireRole("liveops"));

        ops.MapGet("/models", (IUsageMeter usage, IOptions<ModelProvidersOptions> providers) =>
        {
            var p = providers.Value;
            return Results.Ok(new
            {
                configured = new Dictionary<string, string>
                {
                    ["npc-dialogue"] = p.Qianfan.Model,
                    ["narration"] = p.Moonshot.Model,
                    ["guide"] = p.DashScope.Model,
                    ["patch-notes"] = p.OpenAI.Model,
                    ["recap"] = p.Gemini.Model,
                    ["images"] = p.SiliconFlow.Model,
                    ["voice"] = p.MiniMax.Model,
                    ["translation"] = p.AzureOpenAI.TranslationDeployment,
                },
                usage = usage.Snapshot(),
            });
        });

        ops.MapGet("/flags", (IOptionsSnapshot<LiveOpsOptions> options) => Results.Ok(options.Value.FeatureFlags));

        ops.MapPost("/maintenance", async (MaintenanceRequest request, IBannerBroadcaster banners, CancellationToken ct) =>
        {
            if (request.EndsAt <= request.StartsAt) return Results.BadRequest(new { error = "EndsAt must be after StartsAt" });
            await banners.SendMaintenanceAsync(new MaintenanceBanner(request.Region, request.Message, request.StartsAt, request.EndsAt), ct);
            return Results.Accepted(value: new { request.Region, request.StartsAt, request.EndsAt, status = "queued" });
        });
    }
}
