using System.ComponentModel;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Connectors.OpenAI;
using PeiFu.Claims.Contracts;
using PeiFu.Claims.Data;

namespace PeiFu.Claims.AI;

public sealed record LetterDraft(string Body, string Model, int? PromptTokens, int? CompletionTokens);

public interface IPolicyAdvisor
{
    Task<PolicyAnswer> AnswerAsync(string policyNumber, string question, CancellationToken ct);
    IAsyncEnumerable<string> StreamAnswerAsync(string policyNumber, string question, CancellationToken ct);
    Task<LetterDraft> DraftDecisionLetterAsync(string claimId, string decision, decimal? amount, string adjusterNotes, CancellationToken ct);
}

/// <summary>Policy Q&amp;A and letter drafting on Semantic Kernel, with the policy lookup plugin for grounding.</summary>
public sealed class PolicyAdvisor : IPolicyAdvisor
{
    private const string AdvisorPrompt = """
        你是“赔付通”保单问答助手。回答前先调用工具查询保单条款和免赔额，只依据查询到的条款作答，
        条款中没有的内容请明确说明“保单未约定”，并建议客户联系客服。
        """;

    private const string LetterTemplate = """
        请以保险公司理赔部门的名义，为下述案件起草一封理赔决定通知书（中文，正式书面语）。
        案件事实：{{policy.get_claim_facts $claimId}}
        理赔决定：{{$decision}}
        核定金额：{{$amount}}
        理赔员意见：{{$notes}}
        通知书需包含：案件号、决定结果、依据的保单条款、金额（如有）、客户如有异议的申诉途径和时限（15个工作日）。
        """;

    private readonly Kernel _kernel;
    private readonly IChatCompletionService _chat;
    private readonly ILogger<PolicyAdvisor> _logger;

    public PolicyAdvisor(Kernel kernel, PolicyLookupPlugin lookup, ILogger<PolicyAdvisor> logger)
    {
        _kernel = kernel;
        if (!_kernel.Plugins.Contains("policy"))
        {
            _kernel.Plugins.AddFromObject(lookup, "policy");
        }
        _chat = kernel.GetRequiredService<IChatCompletionService>();
        _logger = logger;
    }

    private static OpenAIPromptExecutionSettings ToolSettings => new()
    {
        FunctionChoiceBehavior = FunctionChoiceBehavior.Auto(),
        Temperature = 0.2,
        MaxTokens = 800
    };

    public async Task<PolicyAnswer> AnswerAsync(string policyNumber, string question, CancellationToken ct)
    {
        var history = new ChatHistory(AdvisorPrompt);
        history.AddUserMessage($"保单号：{policyNumber}\n问题：{question}");

        var result = await _chat.GetChatMessageContentAsync(history, ToolSettings, _kernel, ct);
        return new PolicyAnswer(policyNumber, result.Content ?? string.Empty, result.ModelId ?? "unknown");
    }

    public async IAsyncEnumerable<string> StreamAnswerAsync(string policyNumber, string question,
        [EnumeratorCancellation] CancellationToken ct)
    {
        var history = new ChatHistory(AdvisorPrompt);
        history.AddUserMessage($"保单号：{policyNumber}\n问题：{question}");

        await foreach (var chunk in _chat.GetStreamingChatMessageContentsAsync(history, ToolSettings, _kernel, ct))
        {
            if (!string.IsNullOrEmpty(chunk.Content))
            {
                yield return chunk.Content;
            }
        }
    }

    public async Task<LetterDraft> DraftDecisionLetterAsync(string claimId, string decision, decimal? amount,
        string adjusterNotes, CancellationToken ct)
    {
        var arguments = new KernelArguments(new OpenAIPromptExecutionSettings { Temperature = 0.2, MaxTokens = 1500 })
        {
            ["claimId"] = claimId,
            ["decision"] = decision,
            ["amount"] = amount?.ToString("N2") ?? "不适用",
            ["notes"] = adjusterNotes
        };

        var result = await _kernel.InvokePromptAsync(LetterTemplate, arguments, cancellationToken: ct);
        var body = result.GetValue<string>() ?? string.Empty;

        int? promptTokens = null, completionTokens = null;
        if (result.Metadata?.TryGetValue("Usage", out var usage) == true && usage is OpenAI.Chat.ChatTokenUsage u)
        {
            promptTokens = u.InputTokenCount;
            completionTokens = u.OutputTokenCount;
        }

        var model = result.Metadata?.TryGetValue("ModelId", out var m) == true ? m?.ToString() : null;
        _logger.LogInformation("Drafted decision letter for {ClaimId} ({Chars} chars)", claimId, body.Length);
        return new LetterDraft(body, model ?? "gpt-4o-mini", promptTokens, completionTokens);
    }
}

/// <summary>Kernel functions the model calls to ground answers in our policy and claim records.</summary>
public sealed class PolicyLookupPlugin(ClaimsDbContext db)
{
    [KernelFunction("get_policy_terms"), Description("按保单号查询保单的险种、保障期间和条款全文")]
    public async Task<string> GetPolicyTermsAsync([Description("保单号")] string policyNumber, CancellationToken ct)
    {
        var policy = await db.Policies.AsNoTracking().FirstOrDefaultAsync(p => p.PolicyNumber == policyNumber, ct);
        return policy is null
            ? $"未找到保单 {policyNumber}"
            : $"险种：{policy.Product}\n保障期间：{policy.EffectiveFrom:yyyy-MM-dd} 至 {policy.ExpiresOn:yyyy-MM-dd}\n条款：\n{policy.CoverageTerms}";
    }

    [KernelFunction("get_deductible"), Description("查询保单的免赔额（人民币元）")]
    public async Task<decimal?> GetDeductibleAsync([Description("保单号")] string policyNumber, CancellationToken ct)
    {
        return await db.Policies.AsNoTracking()
            .Where(p => p.PolicyNumber == policyNumber)
            .Select(p => (decimal?)p.Deductible)
            .FirstOrDefaultAsync(ct);
    }

    [KernelFunction("get_claim_facts"), Description("查询理赔案件的基本事实：出险类型、时间、地点、报损金额")]
    public async Task<string> GetClaimFactsAsync([Description("案件号")] string claimId, CancellationToken ct)
    {
        var claim = await db.Claims.AsNoTracking().FirstOrDefaultAsync(c => c.Id == claimId, ct);
        return claim is null
            ? $"未找到案件 {claimId}"
            : $"案件号 {claim.Id}，保单号 {claim.PolicyNumber}，出险类型 {claim.IncidentType}，出险时间 {claim.IncidentDate:yyyy-MM-dd HH:mm}，" +
              $"地点 {claim.IncidentLocation}，报损金额 {claim.ClaimedAmount:N2} 元";
    }
}
