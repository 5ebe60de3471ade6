using LexDesk.Data;
using LexDesk.Models;
using LexDesk.Services;
using Microsoft.AspNetCore.Mvc;

namespace LexDesk.Controllers;

[ApiController]
[Route("api/summaries")]
public class SummariesController : ControllerBase
{
    private readonly IContractSummarizer _summarizer;
    private readonly IMatterStore _store;
    private readonly ILogger<SummariesController> _logger;

    public SummariesController(IContractSummarizer summarizer, IMatterStore store, ILogger<SummariesController> logger)
    {
        _summarizer = summarizer;
        _store = store;
        _logger = logger;
    }

    [HttpPost]
    public async Task<ActionResult<ContractSummaryResponse>> Summarize(ContractSummaryRequest request, CancellationToken cancellationToken)
    {
        if (_store.FindMatter(request.MatterId) is null)
            return NotFound($"Matter {request.MatterId} does not exist.");

        return Ok(await _summarizer.SummarizeAsync(request, cancellationToken));
    }

    [HttpPost("upload")]
    [RequestSizeLimit(2_000_000)]
    public async Task<IActionResult> Upload([FromForm] string matterId, IFormFile file, CancellationToken cancellationToken)
    {
        if (file.Length == 0)
            return BadRequest("The uploaded file is empty.");

        using var reader = new StreamReader(file.OpenReadStream());
        var text = await reader.ReadToEndAsync(cancellationToken);
        _logger.LogInformation("Received {FileName} ({Length} bytes) for matter {MatterId}", file.FileName, file.Length, matterId);

        var request = new ContractSummaryRequest { MatterId = matterId, Title = Path.GetFileNameWithoutExtension(file.FileName), ContractText = text };
        var summary = await _summarizer.SummarizeAsync(request, cancellationToken);
        var highRisks = summary.Summary.RiskFlags.Where(r => r.Severity == "高").Select(r => r.ClauseReference).ToList();
        return Ok(new { summary, highRiskClauses = highRisks });
    }
}
