using Microsoft.AspNetCore.Mvc;
using TalentDesk.Data;
using TalentDesk.Models;
using TalentDesk.Services;

namespace TalentDesk.Controllers;

[ApiController]
[Route("api/candidates")]
public class CandidatesController(ICandidateStore store, CvSummaryService cvSummaries, ICandidateEmailDrafter emails)
    : ControllerBase
{
    [HttpGet]
    public ActionResult<IReadOnlyList<Candidate>> List([FromQuery] string? stage)
    {
        var all = store.All();
        return Ok(stage is null ? all : all.Where(c => c.Stage == stage).ToList());
    }

    [HttpPost("summary")]
    public async Task<ActionResult<CvSummaryDto>> Summarize(CvSummaryRequest request, CancellationToken ct)
    {
        if (store.Find(request.CandidateId) is null)
            return NotFound(new { error = $"Unknown candidate {request.CandidateId}" });
        return await cvSummaries.SummarizeAsync(request, ct);
    }

    [HttpPost("{id}/email-draft")]
    public async Task<ActionResult<EmailDraft>> DraftEmail(string id, [FromBody] EmailDraftRequest request, CancellationToken ct)
    {
        var candidate = store.Find(id);
        if (candidate is null) return NotFound();

        var draft = await emails.DraftAsync(request with { CandidateName = candidate.Name }, ct);
        return Ok(draft);
    }
}
