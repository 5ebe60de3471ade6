using System.Security.Claims;
using DeepSynth.Compliance;
using DeepSynth.Compliance.Audit;
using DeepSynth.Compliance.Labeling;
using DeepSynth.Compliance.Review;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using ZhengWuTong.Contracts;
using ZhengWuTong.Infrastructure.Ai;
using ZhengWuTong.Services;

namespace ZhengWuTong.Controllers;

[ApiController]
[Route("api/policy")]
[Authorize(Policy = "Resident")]
public sealed class PolicyController(
    IPolicyQaService policyQa,
    IContentReviewer review,
    IAigcTextLabeler label,
    ISynthesisAuditLog audit,
    IOptions<AzureInferenceOptions> inferenceOptions) : ControllerBase
{
    private static readonly FaqEntry[] Faq =
    [
        new("FAQ-001", "新生儿落户需要哪些材料？", "出生医学证明、父母双方户口簿和身份证、结婚证。可在“出生一件事”窗口一次办理。", "市公安局"),
        new("FAQ-002", "灵活就业人员如何参加职工医保？", "持身份证到社保经办窗口或通过本市社保APP登记，按月缴费。", "市医保局"),
        new("FAQ-003", "居住证多久可以办好？", "材料齐全的，自受理之日起15个工作日内发放。", "市公安局")
    ];

    private string CitizenId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    [HttpPost("ask")]
    [RequireRealName]
    public async Task<ActionResult<PolicyAnswerResponse>> Ask([FromBody] PolicyQuestionRequest request, CancellationToken ct)
    {
        var question = await review.EnsureAllowedAsync(request.Question, ReviewStage.Input, ct);
        var completion = await policyQa.AskAsync(question, request.PolicyCode, request.District, ct);
        var answer = await review.EnsureAllowedAsync(completion.Text, ReviewStage.Output, ct);

        var id = policyQa.SaveAnswer(CitizenId, question, request.PolicyCode, completion with { Text = answer });
        await audit.RecordAsync(answer, new GenerationRecord
        {
            UserId = CitizenId,
            Model = completion.Model,
            ContentId = id,
            Labeled = true
        }, ct);

        return Ok(new PolicyAnswerResponse(id, label.Label(answer), completion.Model, completion.PromptTokens, completion.CompletionTokens));
    }

    [HttpGet("ask/stream")]
    [RequireRealName]
    public IAsyncEnumerable<string> AskStream([FromQuery] string q, CancellationToken ct) =>
        label.LabelStream(policyQa.StreamAsync(q, ct), ct);

    [HttpGet("answers/{id}")]
    public ActionResult<StoredAnswerView> GetAnswer(string id)
    {
        var record = policyQa.FindAnswer(id);
        if (record is null || record.CitizenId != CitizenId)
        {
            return NotFound();
        }

        return new StoredAnswerView(record.Id.ToString(), record.Question, record.Answer, record.PolicyCode, record.CreatedAt);
    }

    [HttpPost("answers/{id}/feedback")]
    public IActionResult RateAnswer(string id, [FromQuery] bool helpful, [FromServices] Infrastructure.Storage.GovDataStore store)
    {
        var record = policyQa.FindAnswer(id);
        if (record is null || record.CitizenId != CitizenId)
        {
            return NotFound();
        }

        record.Helpful = helpful;
        store.PolicyAnswers.Update(record);
        return NoContent();
    }

    [HttpGet("faq")]
    [AllowAnonymous]
    public IEnumerable<FaqEntry> GetFaq([FromQuery] string? department) =>
        string.IsNullOrEmpty(department) ? Faq : Faq.Where(f => f.Department == department);

    [HttpGet("model")]
    [AllowAnonymous]
    public IActionResult GetModel() =>
        Ok(new { provider = "azure-ai-inference", model = inferenceOptions.Value.Model, maxTokens = 1200 });
}
