using Dapr.Client;
using DeepSynth.Compliance;
using DeepSynth.Compliance.Audit;
using DeepSynth.Compliance.Labeling;
using DeepSynth.Compliance.Review;
using HuoPin.Live.Domain;
using HuoPin.Live.Infrastructure.Compliance;
using HuoPin.Live.Services;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace HuoPin.Live.Controllers;

public sealed record HostScriptResponse(string Id, string Title, string Script, string Model, int PromptTokens, int CompletionTokens);
public sealed record PublishScriptRequest(string RoomId);

[ApiController]
[Route("api/host-scripts")]
[Authorize(Policy = "Merchant")]
[RequireRealName]
public sealed class HostScriptsController(
    IHostScriptWriter writer,
    IQuerySession query,
    DaprClient dapr,
    IContentReviewer review,
    IAigcTextLabeler label,
    ISynthesisAuditLog audit,
    IConfiguration configuration) : ControllerBase
{
    private string StateStore => configuration["Dapr:StateStore"] ?? "statestore";
    private string PubSub => configuration["Dapr:PubSub"] ?? "pubsub";

    [HttpPost]
    public async Task<ActionResult<HostScriptResponse>> Generate(HostScriptRequest request, CancellationToken ct)
    {
        if (request.DurationMinutes is < 1 or > 60)
        {
            return BadRequest(new ProblemDetails { Title = "脚本时长需在 1 到 60 分钟之间" });
        }

        var product = await query.LoadAsync<Product>(request.ProductId, ct);
        if (product is null || product.MerchantId != User.UserId())
        {
            return NotFound();
        }

        await review.EnsureAllTextAllowedAsync(request, ReviewStage.Input, ct);
        var draft = await writer.WriteAsync(product, request, ct);
        var script = await review.EnsureAllowedAsync(draft.Script, ReviewStage.Output, ct);

        var record = new HostScriptRecord
        {
            Id = $"script-{Guid.NewGuid():N}",
            MerchantId = product.MerchantId,
            ProductId = product.Id,
            Title = draft.Title,
            Script = script,
            Model = draft.Model,
            DurationMinutes = request.DurationMinutes,
            CreatedAt = DateTimeOffset.UtcNow,
        };

        await audit.RecordAsync(script, new GenerationRecord { UserId = User.UserId(), Model = draft.Model, ContentId = record.Id }, ct);
        await dapr.SaveStateAsync(StateStore, record.Id, record,
            metadata: new Dictionary<string, string> { ["ttlInSeconds"] = "2592000" }, cancellationToken: ct);

        return Ok(new HostScriptResponse(record.Id, label.Label(draft.Title), label.Label(script), draft.Model, draft.PromptTokens, draft.CompletionTokens));
    }

    [HttpGet("{id}")]
    public async Task<ActionResult<HostScriptRecord>> Get(string id, CancellationToken ct)
    {
        var record = await dapr.GetStateAsync<HostScriptRecord?>(StateStore, id, cancellationToken: ct);
        if (record is null || record.MerchantId != User.UserId())
        {
            return NotFound();
        }
        return record;
    }

    [HttpPost("{id}/publish")]
    public async Task<IActionResult> Publish(string id, PublishScriptRequest request, CancellationToken ct)
    {
        var record = await dapr.GetStateAsync<HostScriptRecord?>(StateStore, id, cancellationToken: ct);
        if (record is null || record.MerchantId != User.UserId())
        {
            return NotFound();
        }

        await dapr.PublishEventAsync(PubSub, "host-scripts.published", new HostScriptPublished(record.Id, request.RoomId, record.MerchantId), ct);
        return Accepted(new { record.Id, request.RoomId });
    }
}
