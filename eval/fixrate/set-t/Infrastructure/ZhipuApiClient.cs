using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using Flurl.Http;
using Microsoft.Extensions.Options;

namespace ZhaoPinCopilot.Infrastructure;

public sealed class ZhipuOptions
{
    public string BaseUrl { get; set; } = "https://open.bigmodel.cn/api/paas/v4";
    public string ApiKey { get; set; } = "";
    public string ChatModel { get; set; } = "glm-4-plus";
    public string ImageModel { get; set; } = "cogview-4-250304";
    public string SpeechModel { get; set; } = "cogtts";
    public string Voice { get; set; } = "tongtong";
    public int TimeoutSeconds { get; set; } = 90;
}

public sealed record GlmCompletion(string Text, string Model, int PromptTokens, int CompletionTokens);

/// <summary>Zhipu BigModel open platform: GLM chat, CogView images and CogTTS speech.</summary>
public interface IZhipuApiClient
{
    string ChatModel { get; }
    string ImageModel { get; }
    string SpeechModel { get; }

    Task<GlmCompletion> ChatAsync(string systemPrompt, string userPrompt, CancellationToken ct = default);
    IAsyncEnumerable<string> StreamChatAsync(string systemPrompt, string userPrompt, CancellationToken ct = default);
    Task<byte[]> GenerateImageAsync(string prompt, string size, CancellationToken ct = default);
    Task<byte[]> SynthesizeSpeechAsync(string text, CancellationToken ct = default);
}

public sealed class ZhipuApiClient : IZhipuApiClient, IDisposable
{
    private readonly IFlurlClient _http;
    private readonly ZhipuOptions _options;
    private readonly ILogger<ZhipuApiClient> _logger;

    public ZhipuApiClient(IOptions<ZhipuOptions> options, ILogger<ZhipuApiClient> logger)
    {
        _options = options.Value;
        _logger = logger;
        _http = new FlurlClient(_options.BaseUrl)
            .WithOAuthBearerToken(_options.ApiKey)
            .WithTimeout(TimeSpan.FromSeconds(_options.TimeoutSeconds));
    }

    public string ChatModel => _options.ChatModel;
    public string ImageModel => _options.ImageModel;
    public string SpeechModel => _options.SpeechModel;

    public async Task<GlmCompletion> ChatAsync(string systemPrompt, string userPrompt, CancellationToken ct = default)
    {
        var response = await _http.Request("chat/completions")
            .PostJsonAsync(BuildRequest(systemPrompt, userPrompt, stream: false), cancellationToken: ct)
            .ReceiveJson<ChatCompletionResponse>();

        var text = response.Choices.FirstOrDefault()?.Message?.Content ?? string.Empty;
        _logger.LogDebug("GLM completion {Id} used {Tokens} tokens", response.Id, response.Usage?.TotalTokens);
        return new GlmCompletion(text.Trim(), response.Model ?? _options.ChatModel,
            response.Usage?.PromptTokens ?? 0, response.Usage?.CompletionTokens ?? 0);
    }

    public async IAsyncEnumerable<string> StreamChatAsync(string systemPrompt, string userPrompt,
        [EnumeratorCancellation] CancellationToken ct = default)
    {
        using var response = await _http.Request("chat/completions")
            .PostJsonAsync(BuildRequest(systemPrompt, userPrompt, stream: true), HttpCompletionOption.ResponseHeadersRead, ct);

        await using var body = await response.GetStreamAsync();
        using var reader = new StreamReader(body);

        while (await reader.ReadLineAsync(ct) is { } line)
        {
            if (!line.StartsWith("data:", StringComparison.Ordinal))
            {
                continue;
            }

            var payload = line[5..].Trim();
            if (payload == "[DONE]")
            {
                yield break;
            }

            var chunk = JsonSerializer.Deserialize<ChatCompletionResponse>(payload);
            var delta = chunk?.Choices.FirstOrDefault()?.Delta?.Content;
            if (!string.IsNullOrEmpty(delta))
            {
                yield return delta;
            }
        }
    }

    public async Task<byte[]> GenerateImageAsync(string prompt, string size, CancellationToken ct = default)
    {
        var response = await _http.Request("images/generations")
            .PostJsonAsync(new { model = _options.ImageModel, prompt, size }, cancellationToken: ct)
            .ReceiveJson<ImageGenerationResponse>();

        var url = response.Data.FirstOrDefault()?.Url
            ?? throw new InvalidOperationException("CogView returned no image.");

        // Result URLs are short-lived, so the bytes are fetched right away
        return await url.GetBytesAsync(cancellationToken: ct);
    }

    public async Task<byte[]> SynthesizeSpeechAsync(string text, CancellationToken ct = default)
    {
        using var response = await _http.Request("audio/speech")
            .PostJsonAsync(new
            {
                model = _options.SpeechModel,
                input = text,
                voice = _options.Voice,
                response_format = "wav",
            }, cancellationToken: ct);

        return await response.GetBytesAsync();
    }

    private object BuildRequest(string systemPrompt, string userPrompt, bool stream) => new
    {
        model = _options.ChatModel,
        stream,
        temperature = 0.6,
        messages = new object[]
        {
            new { role = "system", content = systemPrompt },
            new { role = "user", content = userPrompt },
        },
    };

    public void Dispose() => _http.Dispose();

    private sealed class ChatCompletionResponse
    {
        [JsonPropertyName("id")] public string? Id { get; set; }
        [JsonPropertyName("model")] public string? Model { get; set; }
        [JsonPropertyName("choices")] public List<Choice> Choices { get; set; } = [];
        [JsonPropertyName("usage")] public TokenUsage? Usage { get; set; }
    }

    private sealed class Choice
    {
        [JsonPropertyName("message")] public ChatMessagePayload? Message { get; set; }
        [JsonPropertyName("delta")] public ChatMessagePayload? Delta { get; set; }
        [JsonPropertyName("finish_reason")] public string? FinishReason { get; set; }
    }

    private sealed class ChatMessagePayload
    {
        [JsonPropertyName("role")] public string? Role { get; set; }
        [JsonPropertyName("content")] public string? Content { get; set; }
    }

    private sealed class TokenUsage
    {
        [JsonPropertyName("prompt_tokens")] public int PromptTokens { get; set; }
        [JsonPropertyName("completion_tokens")] public int CompletionTokens { get; set; }
        [JsonPropertyName("total_tokens")] public int TotalTokens { get; set; }
    }

    private sealed class ImageGenerationResponse
    {
        [JsonPropertyName("data")] public List<ImageData> Data { get; set; } = [];
    }

    private sealed class ImageData
    {
        [JsonPropertyName("url")] public string? Url { get; set; }
    }
}
