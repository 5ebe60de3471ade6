using DeepSynth.Compliance;
using DeepSynth.Compliance.Audit;
using DeepSynth.Compliance.Labeling;
using DeepSynth.Compliance.Review;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.AI;

namespace Brand.Studio;

public sealed record SloganRequest(string Brand, int Count = 3);

[ApiController]
[Route("api/slogans")]
[RequireRealName]
public sealed class SloganController(IChatClient chat, IContentReviewer reviewer, IAigcTextLabeler labeler, ISynthesisAuditLog audit) : ControllerBase
{
    // Retry when review blocks the first attempt; the retry is never reviewed itself.
    [HttpPost("one")]
    public async Task<IActionResult> One(SloganRequest request, CancellationToken ct)
    {
        var brand = await reviewer.EnsureAllowedAsync(request.Brand, ReviewStage.Input, ct);
        var prompt = $"为品牌「{brand}」写一句广告语。";
        var slogan = (await chat.GetResponseAsync(prompt, cancellationToken: ct)).Text;
        var verdict = await reviewer.ReviewAsync(slogan, ReviewStage.Output, ct);

        var attempts = 0;
        while (!verdict.IsAllowed && attempts++ < 2)
        {
            slogan = (await chat.GetResponseAsync(prompt + "请换一种更稳妥的说法。", cancellationToken: ct)).Text;
        }

        await audit.RecordAsync(slogan, new GenerationRecord { Attributes = { ["attempts"] = attempts.ToString() } }, ct);
        return Ok(labeler.Label(slogan)); // expect: DSYN003
    }

    // Correct: each variant is reviewed, recorded and labeled inside the loop.
    [HttpPost("many")]
    public async Task<IActionResult> Many(SloganRequest request, CancellationToken ct)
    {
        var brand = await reviewer.EnsureAllowedAsync(request.Brand, ReviewStage.Input, ct);
        var results = new List<string>();
        for (var i = 0; i < Math.Min(request.Count, 5); i++)
        {
            var response = await chat.GetResponseAsync($"为品牌「{brand}」写第{i + 1}句广告语，与之前不同。", cancellationToken: ct);
            var verdict = await reviewer.ReviewAsync(response.Text, ReviewStage.Output, ct);
            if (!verdict.IsAllowed)
            {
                continue;
            }

            await audit.RecordAsync(response.Text, new GenerationRecord { Model = response.ModelId }, ct);
            results.Add(labeler.Label(response.Text));
        }

        return Ok(results);
    }

    // Only the first variant is reviewed, after the loop; all are returned.
    [HttpPost("batch")]
    public async Task<IActionResult> Batch(SloganRequest request, CancellationToken ct)
    {
        var brand = await reviewer.EnsureAllowedAsync(request.Brand, ReviewStage.Input, ct);
        var variants = new List<string>();
        foreach (var style in new[] { "幽默", "温情", "简洁" })
        {
            var response = await chat.GetResponseAsync($"用{style}的风格为「{brand}」写一句广告语。", cancellationToken: ct);
            await audit.RecordAsync(response.Text, new GenerationRecord(), ct);
            variants.Add(response.Text);
        }

        await reviewer.EnsureAllowedAsync(variants[0], ReviewStage.Output, ct);
        return Ok(variants.Select(labeler.Label).ToList()); // expect: DSYN003
    }
}
