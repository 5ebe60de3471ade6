using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;
using StarHarbor.LiveOps.Infrastructure;
using StarHarbor.LiveOps.Services;

namespace StarHarbor.LiveOps.Providers;

public sealed record GeneratedImage(byte[] Png, string Model, int Seed);
public sealed record SynthesizedSpeech(byte[] Wav, string Model, int DurationMs);

public interface IArtworkGenerator
{
    Task<GeneratedImage> GenerateAsync(string prompt, string size, string? negativePrompt, CancellationToken ct);
}

public interface ISpeechSynthesizer
{
    Task<SynthesizedSpeech> SynthesizeAsync(string text, string voiceId, double speed, CancellationToken ct);
}

/// <summary>SiliconFlow image generation (Kolors by default). Returns a short-lived URL that we download at once.</summary>
public sealed class SiliconFlowImageClient : IArtworkGenerator
{
    private readonly HttpClient _http;
    private readonly ProviderEndpointOptions _options;
    private readonly IUsageMeter _usage;

    public SiliconFlowImageClient(HttpClient http, IOptions<ModelProvidersOptions> options, IUsageMeter usage)
    {
        _options = options.Value.SiliconFlow;
        _http = http;
        _http.BaseAddress = new Uri(_options.BaseUrl.TrimEnd('/') + "/");
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _options.ApiKey);
        _http.Timeout = TimeSpan.FromSeconds(Math.Max(_options.TimeoutSeconds, 90));
        _usage = usage;
    }

    public async Task<GeneratedImage> GenerateAsync(string prompt, string size, string? negativePrompt, CancellationToken ct)
    {
        var request = new
        {
            model = _options.Model,
            prompt,
            negative_prompt = negativePrompt ?? "nsfw, lowres, watermark, text, signature",
            image_size = size,
            batch_size = 1,
            num_inference_steps = 25,
            guidance_scale = 7.5,
        };

        using var response = await _http.PostAsJsonAsync("v1/images/generations", request, ct);
        if (!response.IsSuccessStatusCode)
            throw new ModelProviderException("siliconflow", (int)response.StatusCode, await response.Content.ReadAsStringAsync(ct));

        var body = await response.Content.ReadFromJsonAsync<ImageResponse>(ct)
                   ?? throw new ModelProviderException("siliconflow", 200, "empty body");
        var url = body.Images.FirstOrDefault()?.Url
                  ?? throw new ModelProviderException("siliconflow", 200, "no image in response");

        var png = await _http.GetByteArrayAsync(url, ct);
        _usage.Record("siliconflow", _options.Model, 0, 0);
        return new GeneratedImage(png, _options.Model, body.Seed);
    }

    private sealed record ImageUrl([property: JsonPropertyName("url")] string Url);
    private sealed record ImageResponse(
        [property: JsonPropertyName("images")] List<ImageUrl> Images,
        [property: JsonPropertyName("seed")] int Seed);
}

/// <summary>MiniMax T2A v2, non-streaming. Audio comes back hex-encoded in data.audio.</summary>
public sealed class MiniMaxSpeechClient : ISpeechSynthesizer
{
    private readonly HttpClient _http;
    private readonly MiniMaxOptions _options;
    private readonly IUsageMeter _usage;

    public MiniMaxSpeechClient(HttpClient http, IOptions<ModelProvidersOptions> options, IUsageMeter usage)
    {
        _options = options.Value.MiniMax;
        _http = http;
        _http.BaseAddress = new Uri(_options.BaseUrl.TrimEnd('/') + "/");
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _options.ApiKey);
        _usage = usage;
    }

    public async Task<SynthesizedSpeech> SynthesizeAsync(string text, string voiceId, double speed, CancellationToken ct)
    {
        var request = new
        {
            model = _options.Model,
            text,
            stream = false,
            voice_setting = new { voice_id = voiceId, speed, vol = 1.0, pitch = 0 },
            audio_setting = new { sample_rate = _options.SampleRate, format = "wav", channel = 1 },
        };

        using var response = await _http.PostAsJsonAsync($"v1/t2a_v2?GroupId={Uri.EscapeDataString(_options.GroupId)}", request, ct);
        var body = await response.Content.ReadFromJsonAsync<T2AResponse>(ct);
        if (!response.IsSuccessStatusCode || body?.BaseResp?.StatusCode is not 0 || body.Data?.Audio is null)
        {
            throw new ModelProviderException("minimax", (int)response.StatusCode,
                body?.BaseResp?.StatusMsg ?? "no audio returned");
        }

        _usage.Record("minimax", _options.Model, body.ExtraInfo?.UsageCharacters ?? text.Length, 0);
        return new SynthesizedSpeech(Convert.FromHexString(body.Data.Audio), _options.Model, body.ExtraInfo?.AudioLength ?? 0);
    }

    private sealed record T2AData([property: JsonPropertyName("audio")] string? Audio);
    private sealed record T2AExtra(
        [property: JsonPropertyName("audio_length")] int AudioLength,
        [property: JsonPropertyName("usage_characters")] int UsageCharacters);
    private sealed record BaseResp(
        [property: JsonPropertyName("status_code")] int StatusCode,
        [property: JsonPropertyName("status_msg")] string? StatusMsg);
    private sealed record T2AResponse(
        [property: JsonPropertyName("data")] T2AData? Data,
        [property: JsonPropertyName("extra_info")] T2AExtra? ExtraInfo,
        [property: JsonPropertyName("base_resp")] BaseResp? BaseResp);
}
