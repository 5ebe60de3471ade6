using System.Security.Claims;
using System.Text;
using DeepSynth.Compliance;
using DeepSynth.Compliance.Audit;
using DeepSynth.Compliance.Labeling;
using DeepSynth.Compliance.Metadata;
using DeepSynth.Compliance.Review;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine;
using ZhengWuTong.Contracts;
using ZhengWuTong.Domain;
using ZhengWuTong.Infrastructure.Storage;
using ZhengWuTong.Messaging;
using ZhengWuTong.Services;

namespace ZhengWuTong.Controllers;

[ApiController]
[Route("api/clerk/letters")]
[Authorize(Policy = "Clerk")]
public sealed class ClerkLettersController(
    ILetterDraftingService drafting,
    ILetterRepository letters,
    IAigcTextLabeler label,
    IMessageBus bus,
    ILogger<ClerkLettersController> logger) : ControllerBase
{
    private string ClerkId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    [HttpPost("draft")]
    public async Task<ActionResult<LetterDraftResponse>> Draft([FromBody] LetterDraftRequest request, CancellationToken ct)
    {
        var draft = await drafting.DraftAsync(request, ClerkId, ct);
        logger.LogInformation("Letter {LetterId} drafted for case {CaseNumber}", draft.Id, draft.CaseNumber);
        return Ok(new LetterDraftResponse(draft.Id.ToString(), label.Label(draft.DraftBody), draft.Model, draft.TotalTokens));
    }

    [HttpGet]
    public IEnumerable<LetterSummary> List([FromQuery] int take = 50) =>
        letters.ListForClerk(ClerkId, Math.Clamp(take, 1, 200))
            .Select(l => new LetterSummary(l.Id.ToString(), l.CaseNumber, l.RecipientName, l.LetterType,
                l.Status.ToString(), l.Model, l.TotalTokens, l.CreatedAt));

    [HttpPut("{id}/final")]
    public IActionResult Finalise(string id, [FromBody] FinaliseLetterRequest request)
    {
        var letter = letters.Get(id);
        if (letter is null || letter.ClerkId != ClerkId)
        {
            return NotFound();
        }

        letter.FinalBody = request.FinalBody;
        letter.Status = LetterStatus.Finalised;
        letters.Update(letter);
        return NoContent();
    }

    [HttpPost("{id}/send")]
    public async Task<IActionResult> Send(string id)
    {
        var letter = letters.Get(id);
        if (letter is null || letter.ClerkId != ClerkId)
        {
            return NotFound();
        }

        if (string.IsNullOrWhiteSpace(letter.RecipientEmail))
        {
            return Problem("收件人没有登记电子邮箱，请改用纸质送达。", statusCode: StatusCodes.Status409Conflict);
        }

        await bus.PublishAsync(new LetterDispatchRequested(id, ClerkId));
        return Accepted(new { letterId = id, status = "queued" });
    }

    [HttpGet("{id}/download")]
    [RequireRealName]
    public async Task<IActionResult> Download(
        string id,
        [FromServices] IContentReviewer review,
        [FromServices] IAigcFileLabeler fileLabeler,
        [FromServices] ISynthesisAuditLog audit,
        CancellationToken ct)
    {
        var letter = letters.Get(id);
        if (letter is null || letter.ClerkId != ClerkId)
        {
            return NotFound();
        }

        var body = await review.EnsureAllowedAsync(letter.FinalBody ?? letter.DraftBody, ReviewStage.Output, ct);
        var markdown = new StringBuilder()
            .AppendLine($"# {letter.LetterType} — {letter.CaseNumber}")
            .AppendLine()
            .AppendLine($"致：{letter.RecipientName}")
            .AppendLine()
            .AppendLine(label.Label(body))
            .ToString();

        var fileName = $"letter-{letter.CaseNumber}.md";
        var bytes = fileLabeler.Label(Encoding.UTF8.GetBytes(markdown), new FileLabelRequest { FileName = fileName }, ct);

        await audit.RecordAsync(body, new GenerationRecord
        {
            UserId = ClerkId,
            Model = letter.Model,
            ContentId = id,
            Labeled = true,
            Attributes = { ["event"] = "download" }
        }, ct);

        return File(bytes, "text/markdown; charset=utf-8", fileName);
    }
}
