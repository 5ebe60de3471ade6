using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;

namespace ZhengWuTong.Infrastructure.Ai;

public sealed class ArkOptions
{
    public string BaseUrl { get; set; } = "https://ark.cn-beijing.volces.com/api/v3/";
    public string ApiKey { get; set; } = string.Empty;
    public string ImageModel { get; set; } = "doubao-seedream-3-0-t2i-250415";
}

public sealed record GeneratedImage(byte[] Png, string Model, string? RevisedPrompt);

public interface IArkImageClient
{
    Task<GeneratedImage> GenerateAsync(string prompt, string size, CancellationToken ct = default);
}

/// <summary>Volcengine Ark (Doubao Seedream) text-to-image.</summary>
public sealed class ArkImageClient : IArkImageClient
{
    private readonly HttpClient _http;
    private readonly ArkOptions _options;

    public ArkImageClient(HttpClient http, IOptions<ArkOptions> options)
    {
        _http = http;
        _options = options.Value;
        _http.BaseAddress ??= new Uri(_options.BaseUrl);
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _options.ApiKey);
        _http.Timeout = TimeSpan.FromSeconds(90);
    }

    public async Task<GeneratedImage> GenerateAsync(string prompt, string size, CancellationToken ct = default)
    {
        var request = new
        {
            model = _options.ImageModel,
            prompt,
            size,
            response_format = "b64_json",
            watermark = false
        };

        using var response = await _http.PostAsJsonAsync("images/generations", request, ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new AiProviderException("ark", (int)response.StatusCode);
        }

        var body = await response.Content.ReadFromJsonAsync<ArkImageResponse>(cancellationToken: ct);
        var first = body?.Data.FirstOrDefault() ?? throw new AiProviderException("ark", 502);
        return new GeneratedImage(Convert.FromBase64String(first.B64Json ?? string.Empty), body.Model ?? _options.ImageModel, first.RevisedPrompt);
    }

    private sealed class ArkImageResponse
    {
        [JsonPropertyName("model")] public string? Model { get; set; }
        [JsonPropertyName("data")] public List<ArkImageData> Data { get; set; } = new();
    }

    private sealed class ArkImageData
    {
        [JsonPropertyName("b64_json")] public string? B64Json { get; set; }
        [JsonPropertyName("revised_prompt")] public string? RevisedPrompt { get; set; }
    }
}
