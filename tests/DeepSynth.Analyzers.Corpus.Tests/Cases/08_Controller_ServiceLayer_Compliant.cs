using DeepSynth.Compliance;
using DeepSynth.Compliance.Audit;
using DeepSynth.Compliance.Labeling;
using DeepSynth.Compliance.Review;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace Acme.Copywriter.Web;

public sealed class CopywriterOptions
{
    public string Model { get; set; } = "qwen-plus";

    public int MaxOutputTokens { get; set; } = 600;
}

public sealed record Draft(string Text, string Model, long? OutputTokens);

public sealed record DraftRequest(string Product, string Audience);

public sealed record DraftResponse(string Copy, string Model, long? OutputTokens);

public interface ICopywriter
{
    Task<Draft> WriteAsync(string product, string audience, CancellationToken cancellationToken = default);
}

/// <summary>Writes marketing copy. Reviews what goes in and what comes out, and records every generation.</summary>
public sealed class Copywriter : ICopywriter
{
    private readonly IChatClient _chat;
    private readonly IContentReviewer _reviewer;
    private readonly ISynthesisAuditLog _audit;
    private readonly CopywriterOptions _options;

    public Copywriter(IChatClient chat, IContentReviewer reviewer, ISynthesisAuditLog audit, IOptions<CopywriterOptions> options)
    {
        _chat = chat;
        _reviewer = reviewer;
        _audit = audit;
        _options = options.Value;
    }

    public async Task<Draft> WriteAsync(string product, string audience, CancellationToken cancellationToken = default)
    {
        var safeProduct = await _reviewer.EnsureAllowedAsync(product, ReviewStage.Input, cancellationToken).ConfigureAwait(false);
        var safeAudience = await _reviewer.EnsureAllowedAsync(audience, ReviewStage.Input, cancellationToken).ConfigureAwait(false);

        var response = await _chat.GetResponseAsync(
            BuildPrompt(safeProduct, safeAudience),
            new ChatOptions { ModelId = _options.Model, MaxOutputTokens = _options.MaxOutputTokens },
            cancellationToken).ConfigureAwait(false);

        var copy = await _reviewer.EnsureAllowedAsync(response.Text, ReviewStage.Output, cancellationToken).ConfigureAwait(false);
        await _audit.RecordAsync(copy, new GenerationRecord { Model = _options.Model }, cancellationToken).ConfigureAwait(false);
        return new Draft(copy, _options.Model, response.Usage?.OutputTokenCount);
    }

    private static string BuildPrompt(string product, string audience) =>
        $"为产品「{product}」写一段面向{audience}的推广文案，不超过120字，不得使用绝对化用语。";
}

[ApiController]
[Route("api/drafts")]
[RequireRealName]
public sealed class DraftsController : ControllerBase
{
    private readonly ICopywriter _copywriter;
    private readonly IAigcTextLabeler _labeler;

    public DraftsController(ICopywriter copywriter, IAigcTextLabeler labeler)
    {
        _copywriter = copywriter;
        _labeler = labeler;
    }

    [HttpPost]
    public async Task<ActionResult<DraftResponse>> Create(DraftRequest request, CancellationToken cancellationToken)
    {
        var draft = await _copywriter.WriteAsync(request.Product, request.Audience, cancellationToken);
        return Ok(new DraftResponse(_labeler.Label(draft.Text), draft.Model, draft.OutputTokens));
    }

    [HttpPost("batch")]
    public async Task<IActionResult> CreateMany(IReadOnlyList<DraftRequest> requests, CancellationToken cancellationToken)
    {
        var results = new List<DraftResponse>();
        foreach (var request in requests.Take(5))
        {
            var draft = await _copywriter.WriteAsync(request.Product, request.Audience, cancellationToken);
            results.Add(new DraftResponse(_labeler.Label(draft.Text), draft.Model, draft.OutputTokens));
        }

        return Ok(results);
    }
}
