using DeepSynth.Compliance;
using DeepSynth.Compliance.Audit;
using DeepSynth.Compliance.Labeling;
using DeepSynth.Compliance.Review;
using Microsoft.AspNetCore.Mvc;
using Microsoft.SemanticKernel;

namespace Legal.Drafting.Controllers;

public class ContractRequest
{
    public string Clause { get; set; } = "";
    public string Tone { get; set; } = "neutral";
    public string Jurisdiction { get; set; } = "PRC";
}

[ApiController]
[Route("api/contracts")]
public class ContractAssistantController : ControllerBase
{
    private static readonly KernelFunction Simplify = KernelFunctionFactory.CreateFromPrompt(
        "Rewrite the following contract clause in plain language, tone: {{$tone}}.\n\n{{$clause}}",
        functionName: "simplify");

    private readonly Kernel _kernel;
    private readonly IContentReviewer _reviewer;
    private readonly IAigcTextLabeler _labeler;
    private readonly ISynthesisAuditLog _auditLog;

    public ContractAssistantController(Kernel kernel, IContentReviewer reviewer, IAigcTextLabeler labeler, ISynthesisAuditLog auditLog)
    {
        _kernel = kernel;
        _reviewer = reviewer;
        _labeler = labeler;
        _auditLog = auditLog;
    }

    [HttpPost("explain")]
    public async Task<IActionResult> Explain([FromBody] ContractRequest request)
    {
        FunctionResult result = await _kernel.InvokePromptAsync($"Explain this clause under {request.Jurisdiction} law:\n{request.Clause}"); // expect: DSYN004
        return Ok(result.ToString()); // expect: DSYN001, DSYN002, DSYN003, DSYN005
    }

    // The clause is reviewed, the tone is not (it is a free-text box in the UI).
    [HttpPost("simplify")]
    [RequireRealName]
    public async Task<IActionResult> SimplifyClause([FromBody] ContractRequest request, CancellationToken ct)
    {
        var clause = await _reviewer.EnsureAllowedAsync(request.Clause, ReviewStage.Input, ct);
        var arguments = new KernelArguments
        {
            ["clause"] = clause,
            ["tone"] = request.Tone,
        };
        var result = await _kernel.InvokeAsync(Simplify, arguments, ct); // expect: DSYN004
        var text = await _reviewer.EnsureAllowedAsync(result.GetValue<string>() ?? "", ReviewStage.Output, ct);
        await _auditLog.RecordAsync(text, new GenerationRecord { Model = result.Metadata?["ModelId"]?.ToString() }, ct);
        return Ok(new { text = _labeler.Label(text) });
    }

    [HttpPost("risks")]
    [RequireRealName]
    public async Task<IActionResult> Risks([FromBody] ContractRequest request, CancellationToken ct)
    {
        var clause = await _reviewer.EnsureAllowedAsync(request.Clause, ReviewStage.Input, ct);
        var jurisdiction = await _reviewer.EnsureAllowedAsync(request.Jurisdiction, ReviewStage.Input, ct);
        var risks = await _kernel.InvokePromptAsync<string>(
            "List the legal risks of this clause under {{$jurisdiction}} law:\n{{$clause}}",
            new KernelArguments { ["clause"] = clause, ["jurisdiction"] = jurisdiction },
            cancellationToken: ct) ?? string.Empty;
        risks = await _reviewer.EnsureAllowedAsync(risks, ReviewStage.Output, ct);
        await _auditLog.RecordAsync(risks, new GenerationRecord(), ct);
        return Ok(_labeler.Label(risks));
    }
}
