using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;
using PeiFu.Claims.Contracts;

namespace PeiFu.Claims.AI;

public sealed class ZhipuOptions
{
    public const string Section = "Zhipu";

    public string BaseUrl { get; set; } = "https://open.bigmodel.cn/api/paas/v4/";
    public string ApiKey { get; set; } = "";
    public string Model { get; set; } = "glm-4-plus";
    public int TimeoutSeconds { get; set; } = 60;
}

public sealed record GlmCompletion(string Content, string Model, int PromptTokens, int CompletionTokens, string? RequestId);

public interface IGlmClient
{
    Task<GlmCompletion> ChatAsync(string systemPrompt, string userPrompt, bool jsonOutput, CancellationToken ct);
}

/// <summary>Thin client for the Zhipu GLM chat completions API (OpenAI-compatible wire format).</summary>
public sealed class ZhipuGlmClient : IGlmClient
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull
    };

    private readonly HttpClient _http;
    private readonly ZhipuOptions _options;
    private readonly ResiliencePipeline<HttpResponseMessage> _retry;

    public ZhipuGlmClient(HttpClient http, IOptions<ZhipuOptions> options, ILogger<ZhipuGlmClient> logger)
    {
        _http = http;
        _options = options.Value;
        _http.BaseAddress ??= new Uri(_options.BaseUrl);
        _http.Timeout = TimeSpan.FromSeconds(_options.TimeoutSeconds);
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _options.ApiKey);

        _retry = new ResiliencePipelineBuilder<HttpResponseMessage>()
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = 3,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromSeconds(1),
                ShouldHandle = new PredicateBuilder<HttpResponseMessage>()
                    .Handle<HttpRequestException>()
                    .HandleResult(r => r.StatusCode == HttpStatusCode.TooManyRequests || (int)r.StatusCode >= 500),
                OnRetry = args =>
                {
                    logger.LogWarning("GLM call retry {Attempt} after {Status}", args.AttemptNumber,
                        args.Outcome.Result?.StatusCode.ToString() ?? args.Outcome.Exception?.GetType().Name);
                    return default;
                }
            })
            .Build();
    }

    public async Task<GlmCompletion> ChatAsync(string systemPrompt, string userPrompt, bool jsonOutput, CancellationToken ct)
    {
        var body = new GlmRequest(
            _options.Model,
            [new GlmMessage("system", systemPrompt), new GlmMessage("user", userPrompt)],
            Temperature: 0.2,
            ResponseFormat: jsonOutput ? new GlmResponseFormat("json_object") : null);

        using var response = await _retry.ExecuteAsync(
            async token => await _http.PostAsJsonAsync("chat/completions", body, Json, token), ct);

        if (!response.IsSuccessStatusCode)
        {
            var error = await response.Content.ReadAsStringAsync(ct);
            throw new GlmException($"GLM returned {(int)response.StatusCode}: {error}");
        }

        var payload = await response.Content.ReadFromJsonAsync<GlmResponse>(Json, ct)
                      ?? throw new GlmException("GLM returned an empty body");
        var choice = payload.Choices.FirstOrDefault() ?? throw new GlmException("GLM returned no choices");

        return new GlmCompletion(choice.Message.Content ?? "", payload.Model ?? _options.Model,
            payload.Usage?.PromptTokens ?? 0, payload.Usage?.CompletionTokens ?? 0, payload.RequestId);
    }

    private sealed record GlmRequest(string Model, IReadOnlyList<GlmMessage> Messages, double Temperature,
        [property: JsonPropertyName("response_format")] GlmResponseFormat? ResponseFormat);
    private sealed record GlmMessage(string Role, string? Content);
    private sealed record GlmResponseFormat(string Type);
    private sealed record GlmResponse(
        string? Id,
        [property: JsonPropertyName("request_id")] string? RequestId,
        string? Model,
        List<GlmChoice> Choices,
        GlmUsage? Usage);
    private sealed record GlmChoice(int Index, GlmMessage Message, [property: JsonPropertyName("finish_reason")] string? FinishReason);
    private sealed record GlmUsage(
        [property: JsonPropertyName("prompt_tokens")] int PromptTokens,
        [property: JsonPropertyName("completion_tokens")] int CompletionTokens);
}

public sealed class GlmException(string message) : Exception(message);

public interface IFraudAnalyzer
{
    Task<(FraudAssessment Assessment, GlmCompletion Completion)> AssessAsync(string claimFacts, string analystNotes,
        IReadOnlyList<string> priorClaims, CancellationToken ct);
}

public sealed class FraudAnalyzer(IGlmClient glm) : IFraudAnalyzer
{
    private const string SystemPrompt = """
        你是保险反欺诈分析助理，为内部调查员整理案件疑点。输出 JSON：
        {"riskScore": 0-100 的整数, "redFlags": [疑点列表], "summary": "不超过150字的摘要", "recommendedAction": "建议的下一步"}
        只依据给定材料，不要对客户作出定性结论。
        """;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<(FraudAssessment Assessment, GlmCompletion Completion)> AssessAsync(string claimFacts, string analystNotes,
        IReadOnlyList<string> priorClaims, CancellationToken ct)
    {
        var prompt = $"""
            案件事实：{claimFacts}
            调查员备注：{analystNotes}
            该客户历史案件：
            {(priorClaims.Count == 0 ? "无" : string.Join('\n', priorClaims))}
            """;
        var completion = await glm.ChatAsync(SystemPrompt, prompt, jsonOutput: true, ct);
        var assessment = JsonSerializer.Deserialize<FraudAssessment>(completion.Content, Json)
                         ?? throw new GlmException("Fraud assessment was not valid JSON");
        assessment.RiskScore = Math.Clamp(assessment.RiskScore, 0, 100);
        return (assessment, completion);
    }
}

public interface IRenewalCopywriter
{
    Task<GlmCompletion> WriteSmsAsync(string customerName, string product, DateOnly expiresOn, decimal premium, CancellationToken ct);
    Task<GlmCompletion> WriteEmailHtmlAsync(string customerName, string product, DateOnly expiresOn, decimal premium, CancellationToken ct);
}

public sealed class RenewalCopywriter(IGlmClient glm) : IRenewalCopywriter
{
    public Task<GlmCompletion> WriteSmsAsync(string customerName, string product, DateOnly expiresOn, decimal premium, CancellationToken ct) =>
        glm.ChatAsync(
            "你为保险公司撰写续保提醒短信：不超过70字，以【赔付通】开头，包含到期日，不得夸大保障或承诺优惠。",
            $"客户：{customerName}；险种：{product}；到期日：{expiresOn:yyyy年M月d日}；参考保费：{premium:N0}元",
            jsonOutput: false, ct);

    public Task<GlmCompletion> WriteEmailHtmlAsync(string customerName, string product, DateOnly expiresOn, decimal premium, CancellationToken ct) =>
        glm.ChatAsync(
            "你为保险公司撰写续保提醒邮件正文，输出简洁的 HTML 片段（<p>、<ul>），不要包含 <html> 或 <body> 标签。",
            $"客户：{customerName}；险种：{product}；到期日：{expiresOn:yyyy-MM-dd}；参考保费：{premium:N2}元；续保方式：App、官网或联系客户经理",
            jsonOutput: false, ct);
}
