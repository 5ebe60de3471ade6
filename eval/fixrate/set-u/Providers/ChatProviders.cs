using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;
using StarHarbor.LiveOps.Infrastructure;
using StarHarbor.LiveOps.Services;

namespace StarHarbor.LiveOps.Providers;

public sealed record ChatTurn(string Role, string Content)
{
    public static ChatTurn System(string content) => new("system", content);
    public static ChatTurn User(string content) => new("user", content);
    public static ChatTurn Assistant(string content) => new("assistant", content);
}

public sealed record CompletionResult(string Text, string Model, int PromptTokens, int CompletionTokens);

/// <summary>
/// Baidu Qianfan v2 (OpenAI-compatible chat completions). Used for NPC dialogue because ERNIE handles
/// the 古风 register of our NPC personas better than the other providers we benchmarked.
/// </summary>
public sealed class QianfanChatClient
{
    private readonly HttpClient _http;
    private readonly ProviderEndpointOptions _options;
    private readonly IUsageMeter _usage;

    public QianfanChatClient(HttpClient http, IOptions<ModelProvidersOptions> options, IUsageMeter usage)
    {
        _options = options.Value.Qianfan;
        _http = http;
        _http.BaseAddress = new Uri(_options.BaseUrl.TrimEnd('/') + "/");
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _options.ApiKey);
        _http.Timeout = TimeSpan.FromSeconds(_options.TimeoutSeconds);
        _usage = usage;
    }

    public string Model => _options.Model;

    public async Task<CompletionResult> CompleteAsync(IReadOnlyList<ChatTurn> messages, float temperature = 0.8f,
        int maxTokens = 512, bool jsonMode = false, CancellationToken ct = default)
    {
        var body = new QianfanRequest
        {
            Model = _options.Model,
            Messages = messages.Select(m => new QianfanMessage(m.Role, m.Content)).ToList(),
            Temperature = temperature,
            MaxCompletionTokens = maxTokens,
            ResponseFormat = jsonMode ? new ResponseFormatSpec("json_object") : null,
        };

        using var response = await _http.PostAsJsonAsync("v2/chat/completions", body, ct);
        if (!response.IsSuccessStatusCode)
        {
            var error = await response.Content.ReadAsStringAsync(ct);
            throw new ModelProviderException("qianfan", (int)response.StatusCode, error);
        }

        var payload = await response.Content.ReadFromJsonAsync<QianfanResponse>(ct)
                      ?? throw new ModelProviderException("qianfan", 200, "empty body");
        var text = payload.Choices.FirstOrDefault()?.Message.Content ?? "";
        _usage.Record("qianfan", payload.Model ?? _options.Model, payload.Usage?.PromptTokens ?? 0, payload.Usage?.CompletionTokens ?? 0);
        return new CompletionResult(text.Trim(), payload.Model ?? _options.Model,
            payload.Usage?.PromptTokens ?? 0, payload.Usage?.CompletionTokens ?? 0);
    }

    private sealed class QianfanRequest
    {
        [JsonPropertyName("model")] public string Model { get; set; } = "";
        [JsonPropertyName("messages")] public List<QianfanMessage> Messages { get; set; } = [];
        [JsonPropertyName("temperature")] public float Temperature { get; set; }
        [JsonPropertyName("max_completion_tokens")] public int MaxCompletionTokens { get; set; }
        [JsonPropertyName("response_format"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public ResponseFormatSpec? ResponseFormat { get; set; }
    }

    private sealed record ResponseFormatSpec([property: JsonPropertyName("type")] string Type);
    private sealed record QianfanMessage([property: JsonPropertyName("role")] string Role, [property: JsonPropertyName("content")] string Content);
    private sealed record QianfanChoice([property: JsonPropertyName("message")] QianfanMessage Message);
    private sealed record QianfanUsage(
        [property: JsonPropertyName("prompt_tokens")] int PromptTokens,
        [property: JsonPropertyName("completion_tokens")] int CompletionTokens);
    private sealed record QianfanResponse(
        [property: JsonPropertyName("model")] string? Model,
        [property: JsonPropertyName("choices")] List<QianfanChoice> Choices,
        [property: JsonPropertyName("usage")] QianfanUsage? Usage);
}

public sealed class ModelProviderException(string provider, int status, string detail)
    : Exception($"{provider} returned {status}: {detail.Clip(300)}")
{
    public string Provider { get; } = provider;
    public int Status { get; } = status;
}

public interface IStreamingNarrator
{
    string Model { get; }
    IAsyncEnumerable<string> StreamAsync(IReadOnlyList<ChatTurn> messages, CancellationToken ct = default);
}

/// <summary>Kimi (Moonshot) over its OpenAI-compatible SSE endpoint, via the "moonshot" named client.</summary>
public sealed class MoonshotStreamingClient(IHttpClientFactory factory, IOptions<ModelProvidersOptions> options, IUsageMeter usage)
    : IStreamingNarrator
{
    public const string HttpClientName = "moonshot";
    private readonly ProviderEndpointOptions _options = options.Value.Moonshot;

    public string Model => _options.Model;

    public async IAsyncEnumerable<string> StreamAsync(IReadOnlyList<ChatTurn> messages,
        [EnumeratorCancellation] CancellationToken ct = default)
    {
        var http = factory.CreateClient(HttpClientName);
        var payload = new JsonObject
        {
            ["model"] = _options.Model,
            ["stream"] = true,
            ["temperature"] = 0.6,
            ["stream_options"] = new JsonObject { ["include_usage"] = true },
            ["messages"] = new JsonArray(messages.Select(m => (JsonNode)new JsonObject
            {
                ["role"] = m.Role,
                ["content"] = m.Content,
            }).ToArray()),
        };

        using var request = new HttpRequestMessage(HttpMethod.Post, "v1/chat/completions")
        {
            Content = new StringContent(payload.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _options.ApiKey);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));

        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new ModelProviderException("moonshot", (int)response.StatusCode, await response.Content.ReadAsStringAsync(ct));
        }

        await using var stream = await response.Content.ReadAsStreamAsync(ct);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        while (!ct.IsCancellationRequested)
        {
            var line = await reader.ReadLineAsync(ct);
            if (line is null) break;
            if (!line.StartsWith("data:", StringComparison.Ordinal)) continue;

            var data = line.AsSpan(5).Trim().ToString();
            if (data == "[DONE]") break;

            using var doc = JsonDocument.Parse(data);
            var root = doc.RootElement;
            if (root.TryGetProperty("usage", out var u) && u.ValueKind == JsonValueKind.Object)
            {
                usage.Record("moonshot", _options.Model,
                    u.GetProperty("prompt_tokens").GetInt32(), u.GetProperty("completion_tokens").GetInt32());
            }

            if (!root.TryGetProperty("choices", out var choices) || choices.GetArrayLength() == 0) continue;
            if (choices[0].TryGetProperty("delta", out var delta)
                && delta.TryGetProperty("content", out var content)
                && content.ValueKind == JsonValueKind.String)
            {
                var token = content.GetString();
                if (!string.IsNullOrEmpty(token)) yield return token;
            }
        }
    }
}

public interface IRecapWriter
{
    string Model { get; }
    Task<string> WriteAsync(string systemInstruction, string matchFacts, CancellationToken ct);
}

/// <summary>Gemini generateContent REST API, used by the match-recap actors (overseas shards).</summary>
public sealed class GeminiRecapClient(HttpClient http, IOptions<ModelProvidersOptions> options, IUsageMeter usage) : IRecapWriter
{
    private readonly ProviderEndpointOptions _options = options.Value.Gemini;

    public string Model => _options.Model;

    public async Task<string> WriteAsync(string systemInstruction, string matchFacts, CancellationToken ct)
    {
        var request = new GenerateContentRequest(
            [new Content("user", [new Part(matchFacts)])],
            new Content("system", [new Part(systemInstruction)]),
            new GenerationConfig(0.9, 400));

        using var message = new HttpRequestMessage(HttpMethod.Post,
            $"{_options.BaseUrl.TrimEnd('/')}/v1beta/models/{_options.Model}:generateContent")
        {
            Content = JsonContent.Create(request),
        };
        message.Headers.Add("x-goog-api-key", _options.ApiKey);

        using var response = await http.SendAsync(message, ct);
        if (!response.IsSuccessStatusCode)
            throw new ModelProviderException("gemini", (int)response.StatusCode, await response.Content.ReadAsStringAsync(ct));

        var body = await response.Content.ReadFromJsonAsync<GenerateContentResponse>(ct);
        var text = string.Concat(body?.Candidates?.FirstOrDefault()?.Content?.Parts?.Select(p => p.Text) ?? []);
        usage.Record("gemini", _options.Model, body?.UsageMetadata?.PromptTokenCount ?? 0, body?.UsageMetadata?.CandidatesTokenCount ?? 0);
        return text.Trim();
    }

    private sealed record Part([property: JsonPropertyName("text")] string Text);
    private sealed record Content(
        [property: JsonPropertyName("role")] string Role,
        [property: JsonPropertyName("parts")] List<Part> Parts);
    private sealed record GenerationConfig(
        [property: JsonPropertyName("temperature")] double Temperature,
        [property: JsonPropertyName("maxOutputTokens")] int MaxOutputTokens);
    private sealed record GenerateContentRequest(
        [property: JsonPropertyName("contents")] List<Content> Contents,
        [property: JsonPropertyName("systemInstruction")] Content SystemInstruction,
        [property: JsonPropertyName("generationConfig")] GenerationConfig GenerationConfig);
    private sealed record Candidate([property: JsonPropertyName("content")] Content? Content);
    private sealed record UsageMetadata(
        [property: JsonPropertyName("promptTokenCount")] int PromptTokenCount,
        [property: JsonPropertyName("candidatesTokenCount")] int CandidatesTokenCount);
    private sealed record GenerateContentResponse(
        [property: JsonPropertyName("candidates")] List<Candidate>? Candidates,
        [property: JsonPropertyName("usageMetadata")] UsageMetadata? UsageMetadata);
}
