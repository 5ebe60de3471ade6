using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;

namespace ZhengWuTong.Infrastructure.Ai;

public sealed class QianfanOptions
{
    public string BaseUrl { get; set; } = "https://qianfan.baidubce.com/v2/";
    public string ApiKey { get; set; } = string.Empty;
    public string Model { get; set; } = "ernie-4.5-turbo-128k";
    public double Temperature { get; set; } = 0.3;
}

public sealed record QianfanCompletion(string Text, string Model, int PromptTokens, int CompletionTokens, string RequestId);

public interface IQianfanClient
{
    Task<QianfanCompletion> ChatAsync(string systemPrompt, string userPrompt, CancellationToken ct = default);
}

/// <summary>Baidu Qianfan (ERNIE) over its v2 chat completions REST API.</summary>
public sealed class QianfanClient : IQianfanClient
{
    private readonly HttpClient _http;
    private readonly QianfanOptions _options;
    private readonly ILogger<QianfanClient> _logger;

    public QianfanClient(HttpClient http, IOptions<QianfanOptions> options, ILogger<QianfanClient> logger)
    {
        _http = http;
        _options = options.Value;
        _logger = logger;
        _http.BaseAddress ??= new Uri(_options.BaseUrl);
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _options.ApiKey);
    }

    public async Task<QianfanCompletion> ChatAsync(string systemPrompt, string userPrompt, CancellationToken ct = default)
    {
        var payload = new QianfanRequest
        {
            Model = _options.Model,
            Temperature = _options.Temperature,
            Messages =
            [
                new QianfanMessage("system", systemPrompt),
                new QianfanMessage("user", userPrompt)
            ]
        };

        using var response = await _http.PostAsJsonAsync("chat/completions", payload, ct);
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync(ct);
            _logger.LogWarning("Qianfan returned {Status}: {Body}", (int)response.StatusCode, body.Length > 300 ? body[..300] : body);
            throw new AiProviderException("qianfan", (int)response.StatusCode);
        }

        var result = await response.Content.ReadFromJsonAsync<QianfanResponse>(cancellationToken: ct)
                     ?? throw new AiProviderException("qianfan", 502);

        var text = result.Choices.FirstOrDefault()?.Message?.Content ?? string.Empty;
        return new QianfanCompletion(text, result.Model ?? _options.Model,
            result.Usage?.PromptTokens ?? 0, result.Usage?.CompletionTokens ?? 0, result.Id ?? string.Empty);
    }

    private sealed class QianfanRequest
    {
        [JsonPropertyName("model")] public string Model { get; set; } = string.Empty;
        [JsonPropertyName("messages")] public List<QianfanMessage> Messages { get; set; } = new();
        [JsonPropertyName("temperature")] public double Temperature { get; set; }
    }

    private sealed record QianfanMessage(
        [property: JsonPropertyName("role")] string Role,
        [property: JsonPropertyName("content")] string Content);

    private sealed class QianfanResponse
    {
        [JsonPropertyName("id")] public string? Id { get; set; }
        [JsonPropertyName("model")] public string? Model { get; set; }
        [JsonPropertyName("choices")] public List<Choice> Choices { get; set; } = new();
        [JsonPropertyName("usage")] public UsageInfo? Usage { get; set; }
    }

    private sealed class Choice
    {
        [JsonPropertyName("message")] public QianfanMessage? Message { get; set; }
        [JsonPropertyName("finish_reason")] public string? FinishReason { get; set; }
    }

    private sealed class UsageInfo
    {
        [JsonPropertyName("prompt_tokens")] public int PromptTokens { get; set; }
        [JsonPropertyName("completion_tokens")] public int CompletionTokens { get; set; }
    }
}

public sealed class AiProviderException(string provider, int statusCode)
    : Exception($"AI provider '{provider}' failed with status {statusCode}.")
{
    public string Provider { get; } = provider;
    public int StatusCode { get; } = statusCode;
}
