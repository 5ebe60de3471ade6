using Dapr;
using Dapr.Client;
using DeepSynth.Compliance.Audit;
using DeepSynth.Compliance.Labeling;
using DeepSynth.Compliance.RealName;
using DeepSynth.Compliance.Review;
using HuoPin.Live.Domain;
using HuoPin.Live.Hubs;
using HuoPin.Live.Services;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.SignalR;

namespace HuoPin.Live.Controllers;

/// <summary>Dapr pub/sub subscriptions. Dapr delivers CloudEvents here; non-2xx answers are retried by the sidecar.</summary>
[ApiController]
[Route("dapr/events")]
public sealed class DaprEventsController(
    DaprClient dapr,
    IHubContext<LiveRoomHub> hub,
    IConfiguration configuration,
    ILogger<DaprEventsController> logger) : ControllerBase
{
    private string StateStore => configuration["Dapr:StateStore"] ?? "statestore";

    [Topic("pubsub", "host-scripts.published")]
    [HttpPost("host-script-published")]
    public async Task<IActionResult> OnHostScriptPublished(HostScriptPublished message, CancellationToken ct)
    {
        var record = await dapr.GetStateAsync<HostScriptRecord?>(StateStore, message.ScriptId, cancellationToken: ct);
        if (record is null)
        {
            logger.LogWarning("Script {ScriptId} expired before it was published", message.ScriptId);
            return Ok();
        }

        await hub.Clients.Group(LiveRoomHub.MerchantGroup(record.MerchantId)).SendAsync("teleprompter", new
        {
            roomId = message.RoomId,
            scriptId = record.Id,
            title = record.Title,
            text = record.Script,
            durationMinutes = record.DurationMinutes,
        }, ct);

        return Ok();
    }

    [Topic("pubsub", "product-copy.requested")]
    [HttpPost("product-copy-requested")]
    public async Task<IActionResult> OnProductCopyRequested(
        ProductCopyRequested message,
        [FromServices] IDocumentSession session,
        [FromServices] IMarketingCopyService copy,
        [FromServices] IRealNameGate realName,
        [FromServices] IContentReviewer review,
        [FromServices] IAigcTextLabeler label,
        [FromServices] ISynthesisAuditLog audit,
        CancellationToken ct)
    {
        var product = await session.LoadAsync<Product>(message.ProductId, ct);
        if (product is null || product.MerchantId != message.MerchantId)
        {
            return Ok();
        }

        if (!await realName.IsVerifiedAsync(message.MerchantId, ct))
        {
            logger.LogInformation("Skipping bulk copy for unverified merchant");
            return Ok();
        }

        var generated = await copy.WriteDetailCopyAsync(product, message.Tone, message.ExtraNotes, ct);
        var verdict = await review.ReviewAsync(generated.Text, ReviewStage.Output, ct);
        if (!verdict.IsAllowed)
        {
            await hub.Clients.Group(LiveRoomHub.MerchantGroup(product.MerchantId))
                .SendAsync("copyRejected", new { productId = product.Id, decision = verdict.Decision.ToString() }, ct);
            return Ok();
        }

        await audit.RecordAsync(generated.Text, new GenerationRecord
        {
            UserId = message.MerchantId,
            Model = generated.Model,
            ContentId = $"detail-copy:{product.Id}",
            Attributes = { ["source"] = "bulk" },
        }, ct);

        product.DetailCopy = label.Label(generated.Text);
        product.DetailCopyModel = generated.Model;
        product.DetailCopyGeneratedAt = DateTimeOffset.UtcNow;
        product.UpdatedAt = DateTimeOffset.UtcNow;
        session.Store(product);
        await session.SaveChangesAsync(ct);

        await hub.Clients.Group(LiveRoomHub.MerchantGroup(product.MerchantId)).SendAsync("copyReady", new
        {
            productId = product.Id,
            productName = product.Name,
            preview = generated.Text.Length > 80 ? generated.Text[..80] + "…" : generated.Text,
            model = generated.Model,
        }, ct);

        return Ok();
    }
}
