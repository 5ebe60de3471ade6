using System.Text.Json;
using DeepSynth.Compliance.Audit;
using DeepSynth.Compliance.Labeling;
using DeepSynth.Compliance.RealName;
using DeepSynth.Compliance.Review;
using StarHarbor.LiveOps.Infrastructure;
using StarHarbor.LiveOps.Services;

namespace StarHarbor.LiveOps.Middleware;

/// <summary>
/// Client builds before 3.2 fetch NPC barks from GET /legacy/npc-bark instead of gRPC. Kept as middleware so the
/// old path does not show up in the API description; remove once 3.1 clients drop below 1%.
/// </summary>
public sealed class LegacyBarkMiddleware(
    RequestDelegate next,
    NpcCatalog catalog,
    INpcDialogueService dialogue,
    IContentReviewer review,
    IAigcTextLabeler label,
    ISynthesisAuditLog audit)
{
    private static readonly PathString BarkPath = new("/legacy/npc-bark");

    public async Task InvokeAsync(HttpContext context)
    {
        if (!HttpMethods.IsGet(context.Request.Method) || !context.Request.Path.Equals(BarkPath))
        {
            await next(context);
            return;
        }

        if (context.User.Identity?.IsAuthenticated != true)
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        var npc = catalog.Find(context.Request.Query["npc"].ToString());
        if (npc is null)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        var ct = context.RequestAborted;
        var mood = await review.EnsureAllowedAsync(context.Request.Query["mood"].FirstOrDefault() ?? "平常", ReviewStage.Input, ct);
        var location = await review.EnsureAllowedAsync(context.Request.Query["loc"].FirstOrDefault() ?? npc.Zone, ReviewStage.Input, ct);

        var gate = context.RequestServices.GetRequiredService<IRealNameGate>();
        await gate.EnsureVerifiedAsync(context.User, ct);

        var bark = await dialogue.BarkAsync(npc, mood, location, ct);
        var text = await review.EnsureAllowedAsync(bark.Text, ReviewStage.Output, ct);
        await audit.RecordAsync(text, new GenerationRecord { UserId = context.User.PlayerId(), Model = bark.Model, Labeled = true }, ct);

        context.Response.ContentType = "application/json; charset=utf-8";
        await JsonSerializer.SerializeAsync(context.Response.Body,
            new { npc = npc.Id, line = label.Label(text), emotion = bark.Emotion }, cancellationToken: ct);
    }
}
