using DeepSynth.Compliance;
using DeepSynth.Compliance.Audit;
using DeepSynth.Compliance.Labeling;
using DeepSynth.Compliance.Review;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.AI;

namespace Blogging.Api;

public sealed record ArticleDraft(string Title, string Body, IReadOnlyList<string> Tags, DateTimeOffset CreatedAt);

public sealed record ArticleInput(string Notes);

[ApiController]
[Route("api/articles/ai")]
[RequireRealName]
public sealed class ArticleAiController(IChatClient chat, IContentReviewer reviewer, IAigcTextLabeler labeler, ISynthesisAuditLog audit) : ControllerBase
{
    private async Task<(string Text, long? Tokens)> GenerateAsync(string instruction, string notes, CancellationToken ct)
    {
        var response = await chat.GetResponseAsync($"{instruction}\n\n{notes}", cancellationToken: ct);
        return (response.Text, response.Usage?.OutputTokenCount);
    }

    // The DTO is built labeled, then "cleaned up" with a `with` that puts the raw body back.
    [HttpPost("draft")]
    public async Task<ActionResult<ArticleDraft>> Draft(ArticleInput input, CancellationToken ct)
    {
        var notes = await reviewer.EnsureAllowedAsync(input.Notes, ReviewStage.Input, ct);
        var (body, _) = await GenerateAsync("根据笔记写一篇博客正文", notes, ct);
        body = await reviewer.EnsureAllowedAsync(body, ReviewStage.Output, ct);
        await audit.RecordAsync(body, new GenerationRecord(), ct);

        var draft = new ArticleDraft("未命名", labeler.Label(body), Array.Empty<string>(), DateTimeOffset.UtcNow);
        if (draft.Body.Length > 5000)
        {
            draft = draft with { Body = body[..5000] };
        }

        return Ok(draft); // expect: DSYN001
    }

    // Tags split out of one generation with LINQ; each tag is shown as a chip, none carries the label.
    [HttpPost("tags")]
    public async Task<ActionResult<string[]>> Tags(ArticleInput input, CancellationToken ct)
    {
        var notes = await reviewer.EnsureAllowedAsync(input.Notes, ReviewStage.Input, ct);
        var (raw, tokens) = await GenerateAsync("给出5个标签，用逗号分隔", notes, ct);
        var reviewed = await reviewer.EnsureAllowedAsync(raw, ReviewStage.Output, ct);
        await audit.RecordAsync(reviewed, new GenerationRecord { Attributes = { ["tokens"] = tokens?.ToString() ?? "0" } }, ct);
        var tags = reviewed.Split([',', '，'], StringSplitOptions.RemoveEmptyEntries)
            .Select(t => t.Trim())
            .Where(t => t.Length is > 0 and <= 12)
            .Distinct()
            .ToArray();
        return tags; // expect: DSYN001
    }

    // Fully compliant: a title and its token count as a tuple, mapped to an anonymous object.
    [HttpPost("title")]
    public async Task<IActionResult> Title(ArticleInput input, CancellationToken ct)
    {
        var notes = await reviewer.EnsureAllowedAsync(input.Notes, ReviewStage.Input, ct);
        var result = await GenerateAsync("给这篇笔记拟一个标题", notes, ct);
        var title = await reviewer.EnsureAllowedAsync(result.Text, ReviewStage.Output, ct);
        await audit.RecordAsync(title, new GenerationRecord(), ct);
        return Ok(new { title = labeler.Label(title), tokens = result.Tokens });
    }

    // Generation metadata only: how long would the article be? Nothing generated is shown.
    [HttpPost("estimate")]
    public async Task<IActionResult> Estimate(ArticleInput input, CancellationToken ct)
    {
        var notes = await reviewer.EnsureAllowedAsync(input.Notes, ReviewStage.Input, ct);
        var (_, tokens) = await GenerateAsync("根据笔记写一篇博客正文", notes, ct);
        return Ok(new { estimatedTokens = tokens, estimatedMinutes = (tokens ?? 0) / 300.0 });
    }
}
