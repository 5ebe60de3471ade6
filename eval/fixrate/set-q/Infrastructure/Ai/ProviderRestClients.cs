using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;
using XueBa.Coach.Configuration;

namespace XueBa.Coach.Infrastructure.Ai;

public sealed record HunyuanText(string Text, string Model, int PromptTokens, int CompletionTokens);

public sealed record GeneratedImage(byte[] Bytes, string ContentType, string Model, string RevisedPrompt);

public sealed record SynthesizedSpeech(byte[] Audio, string Format, string Model, string Voice, int DurationMs);

public interface IHunyuanClient
{
    Task<HunyuanText> ChatAsync(string system, string user, double temperature = 0.6, CancellationToken ct = default);
    Task<GeneratedImage> GenerateImageAsync(string prompt, string size = "1024x768", CancellationToken ct = default);
}

public interface ISpeechClient
{
    Task<SynthesizedSpeech> SynthesizeAsync(string text, string? voice, double speed, string format = "wav", CancellationToken ct = default);
}

public sealed class ProviderException(string provider, string message) : Exception($"{provider}: {message}")
{
    public string Provider { get; } = provider;
}

/// <summary>Tencent Hunyuan over its OpenAI-style REST surface (text and images).</summary>
public sealed class HunyuanClient(HttpClient http, IOptions<AiProviderOptions> options, ILogger<HunyuanClient> logger) : IHunyuanClient
{
    private readonly HunyuanOptions _options = options.Value.Hunyuan;

    public async Task<HunyuanText> ChatAsync(string system, string user, double temperature = 0.6, CancellationToken ct = default)
    {
        var body = new
        {
            model = _options.TextModel,
            temperature,
            messages = new object[]
            {
                new { role = "system", content = system },
                new { role = "user", content = user },
            },
        };

        using var response = await http.PostAsJsonAsync("chat/completions", body, ct);
        await EnsureSuccess(response, ct);

        var payload = await response.Content.ReadFromJsonAsync<ChatCompletionPayload>(cancellationToken: ct)
            ?? throw new ProviderException("hunyuan", "empty response");
        var text = payload.Choices.FirstOrDefault()?.Message.Content ?? "";
        return new HunyuanText(text.Trim(), payload.Model ?? _options.TextModel, payload.Usage?.PromptTokens ?? 0, payload.Usage?.CompletionTokens ?? 0);
    }

    public async Task<GeneratedImage> GenerateImageAsync(string prompt, string size = "1024x768", CancellationToken ct = default)
    {
        var body = new { model = _options.ImageModel, prompt, size, n = 1, response_format = "b64_json" };
        using var response = await http.PostAsJsonAsync("images/generations", body, ct);
        await EnsureSuccess(response, ct);

        var payload = await response.Content.ReadFromJsonAsync<ImagePayload>(cancellationToken: ct);
        var first = payload?.Data.FirstOrDefault() ?? throw new ProviderException("hunyuan", "no image returned");
        if (string.IsNullOrEmpty(first.B64Json))
        {
            throw new ProviderException("hunyuan", "image payload missing b64_json");
        }

        logger.LogDebug("Hunyuan image generated ({Size})", size);
        return new GeneratedImage(Convert.FromBase64String(first.B64Json), "image/png", _options.ImageModel, first.RevisedPrompt ?? prompt);
    }

    private static async Task EnsureSuccess(HttpResponseMessage response, CancellationToken ct)
    {
        if (response.IsSuccessStatusCode) return;
        var detail = await response.Content.ReadAsStringAsync(ct);
        throw new ProviderException("hunyuan", $"{(int)response.StatusCode} {detail[..Math.Min(detail.Length, 300)]}");
    }

    private sealed record ChatCompletionPayload(
        [property: JsonPropertyName("model")] string? Model,
        [property: JsonPropertyName("choices")] List<Choice> Choices,
        [property: JsonPropertyName("usage")] UsagePayload? Usage);

    private sealed record Choice([property: JsonPropertyName("message")] ChoiceMessage Message);

    private sealed record ChoiceMessage([property: JsonPropertyName("content")] string? Content);

    private sealed record UsagePayload(
        [property: JsonPropertyName("prompt_tokens")] int PromptTokens,
        [property: JsonPropertyName("completion_tokens")] int CompletionTokens);

    private sealed record ImagePayload([property: JsonPropertyName("data")] List<ImageDatum> Data);

    private sealed record ImageDatum(
        [property: JsonPropertyName("b64_json")] string? B64Json,
        [property: JsonPropertyName("revised_prompt")] string? RevisedPrompt);
}

/// <summary>MiniMax T2A v2 text-to-speech. Audio comes back hex encoded.</summary>
public sealed class MiniMaxSpeechClient(HttpClient http, IOptions<AiProviderOptions> options) : ISpeechClient
{
    private readonly MiniMaxOptions _options = options.Value.MiniMax;

    public async Task<SynthesizedSpeech> SynthesizeAsync(string text, string? voice, double speed, string format = "wav", CancellationToken ct = default)
    {
        var voiceId = string.IsNullOrWhiteSpace(voice) ? _options.DefaultVoice : voice;
        var body = new
        {
            model = _options.Model,
            text,
            stream = false,
            voice_setting = new { voice_id = voiceId, speed = Math.Clamp(speed, 0.5, 2.0), vol = 1.0, pitch = 0 },
            audio_setting = new { sample_rate = 24000, format, channel = 1 },
        };

        using var request = new HttpRequestMessage(HttpMethod.Post, $"t2a_v2?GroupId={Uri.EscapeDataString(_options.GroupId)}")
        {
            Content = JsonContent.Create(body),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _options.ApiKey);

        using var response = await http.SendAsync(request, ct);
        var json = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new ProviderException("minimax", $"{(int)response.StatusCode}");
        }

        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        if (root.TryGetProperty("base_resp", out var baseResp) && baseResp.GetProperty("status_code").GetInt32() != 0)
        {
            throw new ProviderException("minimax", baseResp.GetProperty("status_msg").GetString() ?? "unknown error");
        }

        var hex = root.GetProperty("data").GetProperty("audio").GetString() ?? "";
        var duration = root.TryGetProperty("extra_info", out var extra) && extra.TryGetProperty("audio_length", out var len) ? len.GetInt32() : 0;
        return new SynthesizedSpeech(Convert.FromHexString(hex), format, _options.Model, voiceId, duration);
    }
}
