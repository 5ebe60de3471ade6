using DeepSynth.Compliance;
using DeepSynth.Compliance.Audit;
using DeepSynth.Compliance.Labeling;
using DeepSynth.Compliance.Review;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.AI;

namespace Research.Digest;

public sealed record PaperInput(string Abstract);

public sealed record PaperDigest(string Summary, string Keywords, string Disclaimer);

[ApiController]
[Route("api/papers")]
[RequireRealName]
public sealed class PaperDigestController(IChatClient chat, IContentReviewer reviewer, IAigcTextLabeler labeler, ISynthesisAuditLog audit) : ControllerBase
{
    private const string Disclaimer = "本摘要仅供参考。";

    private async Task<string> GenerateReviewedAsync(string instruction, string text, CancellationToken ct)
    {
        var response = await chat.GetResponseAsync($"{instruction}\n\n{text}", cancellationToken: ct);
        var reviewed = await reviewer.EnsureAllowedAsync(response.Text, ReviewStage.Output, ct);
        await audit.RecordAsync(reviewed, new GenerationRecord { Model = response.ModelId }, ct);
        return reviewed;
    }

    // Label(a) + b with b generated too.
    [HttpPost("digest")]
    public async Task<IActionResult> Digest(PaperInput input, CancellationToken ct)
    {
        var text = await reviewer.EnsureAllowedAsync(input.Abstract, ReviewStage.Input, ct);
        var summary = await GenerateReviewedAsync("用中文概括这篇论文摘要", text, ct);
        var keywords = await GenerateReviewedAsync("给出5个中文关键词", text, ct);
        var combined = labeler.Label(summary) + "\n\n关键词：" + keywords;
        return Ok(combined); // expect: DSYN001
    }

    // Constant decoration around a labeled value keeps the label.
    [HttpPost("summary")]
    public async Task<IActionResult> Summary(PaperInput input, CancellationToken ct)
    {
        var text = await reviewer.EnsureAllowedAsync(input.Abstract, ReviewStage.Input, ct);
        var summary = await GenerateReviewedAsync("用中文概括这篇论文摘要", text, ct);
        return Ok("【摘要】" + labeler.Label(summary) + "\n" + Disclaimer);
    }

    // Two generated fields in one DTO, one of them labeled.
    [HttpPost("digest/structured")]
    public async Task<ActionResult<PaperDigest>> Structured(PaperInput input, CancellationToken ct)
    {
        var text = await reviewer.EnsureAllowedAsync(input.Abstract, ReviewStage.Input, ct);
        var summary = await GenerateReviewedAsync("用中文概括这篇论文摘要", text, ct);
        var keywords = await GenerateReviewedAsync("给出5个中文关键词", text, ct);
        return new PaperDigest(labeler.Label(summary), keywords, Disclaimer); // expect: DSYN001
    }

    // Both labeled.
    [HttpPost("digest/structured/v2")]
    public async Task<ActionResult<PaperDigest>> StructuredV2(PaperInput input, CancellationToken ct)
    {
        var text = await reviewer.EnsureAllowedAsync(input.Abstract, ReviewStage.Input, ct);
        var summary = await GenerateReviewedAsync("用中文概括这篇论文摘要", text, ct);
        var keywords = await GenerateReviewedAsync("给出5个中文关键词", text, ct);
        return new PaperDigest(labeler.Label(summary), labeler.Label(keywords), Disclaimer);
    }
}
