using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;
using WealthPal.Infrastructure;

namespace WealthPal.Ai;

/// <summary>Wire types for the OpenAI-style /chat/completions routes that GLM, DeepSeek and Ark all accept.</summary>
public sealed record WireMessage(
    [property: JsonPropertyName("role")] string Role,
    [property: JsonPropertyName("content")] string Content)
{
    public static WireMessage System(string text) => new("system", text);
    public static WireMessage User(string text) => new("user", text);
    public static WireMessage Assistant(string text) => new("assistant", text);
}

public sealed record WireUsage(
    [property: JsonPropertyName("prompt_tokens")] int PromptTokens,
    [property: JsonPropertyName("completion_tokens")] int CompletionTokens,
    [property: JsonPropertyName("total_tokens")] int TotalTokens);

public sealed record ProviderCompletion(string Content, string Model, WireUsage? Usage, string RawJson);

internal static class CompletionParsing
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull
    };

    public static ProviderCompletion Parse(string raw, string fallbackModel)
    {
        using var doc = JsonDocument.Parse(raw);
        var root = doc.RootElement;
        if (root.TryGetProperty("error", out var error))
            throw new ProviderException(error.TryGetProperty("message", out var m) ? m.GetString() ?? "provider error" : "provider error");

        var content = root.GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString() ?? "";
        var model = root.TryGetProperty("model", out var mdl) ? mdl.GetString() ?? fallbackModel : fallbackModel;
        WireUsage? usage = root.TryGetProperty("usage", out var u) ? u.Deserialize<WireUsage>(Json) : null;
        return new ProviderCompletion(content, model, usage, raw);
    }

    /// <summary>Reads "data: {...}" lines of a server-sent event stream and yields the delta text.</summary>
    public static async IAsyncEnumerable<string> ReadDeltas(Stream body,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        using var reader = new StreamReader(body);
        while (!ct.IsCancellationRequested)
        {
            var line = await reader.ReadLineAsync(ct);
            if (line is null) yield break;
            if (!line.StartsWith("data:", StringComparison.Ordinal)) continue;

            var payload = line.AsSpan(5).Trim();
            if (payload.SequenceEqual("[DONE]")) yield break;

            string? delta;
            using (var doc = JsonDocument.Parse(payload.ToString()))
            {
                var choices = doc.RootElement.GetProperty("choices");
                if (choices.GetArrayLength() == 0) continue;
                delta = choices[0].TryGetProperty("delta", out var d) && d.TryGetProperty("content", out var c)
                    ? c.GetString()
                    : null;
            }
            if (!string.IsNullOrEmpty(delta)) yield return delta;
        }
    }
}

public sealed class ProviderException(string message) : Exception(message);

/// <summary>Zhipu BigModel open platform, /api/paas/v4/chat/completions.</summary>
public sealed class ZhipuGlmClient(HttpClient http, IOptionsMonitor<ModelProviderOptions> options, ILogger<ZhipuGlmClient> logger)
{
    private ModelProviderOptions Options => options.Get(Providers.Zhipu);

    public string Model => Options.Model;

    public async Task<ProviderCompletion> CompleteAsync(IReadOnlyList<WireMessage> messages, double temperature = 0.4,
        CancellationToken ct = default)
    {
        var raw = await CompleteRawAsync(messages, temperature, ct);
        return CompletionParsing.Parse(raw, Options.Model);
    }

    /// <summary>Returns the provider's JSON unchanged; the fund comparison screen reads tool fields from it.</summary>
    public async Task<string> CompleteRawAsync(IReadOnlyList<WireMessage> messages, double temperature = 0.4,
        CancellationToken ct = default)
    {
        var request = new
        {
            model = Options.Model,
            messages,
            temperature,
            max_tokens = 1200,
            stream = false,
            request_id = Guid.NewGuid().ToString("N")
        };

        using var resp = await http.PostAsJsonAsync("api/paas/v4/chat/completions", request, CompletionParsing.Json, ct);
        var body = await resp.Content.ReadAsStringAsync(ct);
        if (!resp.IsSuccessStatusCode)
        {
            logger.LogWarning("GLM returned {Status}: {Body}", (int)resp.StatusCode, body.Length > 300 ? body[..300] : body);
            throw new ProviderException($"GLM request failed with {(int)resp.StatusCode}");
        }
        return body;
    }
}

public sealed class DeepSeekClient(HttpClient http, IOptionsMonitor<ModelProviderOptions> options)
{
    private ModelProviderOptions Options => options.Get(Providers.DeepSeek);

    public string Model => Options.Model;

    public async Task<ProviderCompletion> CompleteAsync(IEnumerable<WireMessage> messages, CancellationToken ct = default)
    {
        using var resp = await http.PostAsJsonAsync("chat/completions",
            new { model = Options.Model, messages, temperature = 0.5, stream = false }, CompletionParsing.Json, ct);
        var raw = await resp.Content.ReadAsStringAsync(ct);
        if (!resp.IsSuccessStatusCode)
            throw new ProviderException($"DeepSeek returned {(int)resp.StatusCode}");
        return CompletionParsing.Parse(raw, Options.Model);
    }

    public async IAsyncEnumerable<string> StreamAsync(IEnumerable<WireMessage> messages,
        [EnumeratorCancellation] CancellationToken ct = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "chat/completions")
        {
            Content = JsonContent.Create(new { model = Options.Model, messages, temperature = 0.5, stream = true },
                options: CompletionParsing.Json)
        };
        using var resp = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        if (!resp.IsSuccessStatusCode)
            throw new ProviderException($"DeepSeek stream returned {(int)resp.StatusCode}");

        await using var body = await resp.Content.ReadAsStreamAsync(ct);
        await foreach (var delta in CompletionParsing.ReadDeltas(body, ct))
            yield return delta;
    }
}

/// <summary>Volcengine Ark (Doubao): /api/v3/chat/completions and /api/v3/images/generations.</summary>
public sealed class ArkClient(HttpClient http, IOptionsMonitor<ModelProviderOptions> options, ILogger<ArkClient> logger)
{
    private ModelProviderOptions Options => options.Get(Providers.Ark);

    public string ImageModel => Options.ImageModel ?? "doubao-seedream-3-0-t2i-250415";

    public async Task<ProviderCompletion> ChatAsync(string system, string user, CancellationToken ct = default)
    {
        WireMessage[] messages = [WireMessage.System(system), WireMessage.User(user)];
        using var resp = await http.PostAsJsonAsync("api/v3/chat/completions",
            new { model = Options.Model, messages, temperature = 0.3 }, CompletionParsing.Json, ct);
        var raw = await resp.Content.ReadAsStringAsync(ct);
        if (!resp.IsSuccessStatusCode)
        {
            logger.LogWarning("Ark chat failed: {Status}", (int)resp.StatusCode);
            throw new ProviderException($"Ark chat returned {(int)resp.StatusCode}");
        }
        return CompletionParsing.Parse(raw, Options.Model);
    }

    public async Task<GeneratedImage> GenerateImageAsync(string prompt, int width, int height, CancellationToken ct = default)
    {
        var request = new
        {
            model = ImageModel,
            prompt,
            size = $"{width}x{height}",
            response_format = "b64_json",
            guidance_scale = 3,
            watermark = false
        };

        using var resp = await http.PostAsJsonAsync("api/v3/images/generations", request, CompletionParsing.Json, ct);
        var raw = await resp.Content.ReadAsStringAsync(ct);
        if (!resp.IsSuccessStatusCode)
            throw new ProviderException($"Ark image generation returned {(int)resp.StatusCode}");

        using var doc = JsonDocument.Parse(raw);
        var b64 = doc.RootElement.GetProperty("data")[0].GetProperty("b64_json").GetString()
                  ?? throw new ProviderException("Ark returned no image data");
        return new GeneratedImage(Convert.FromBase64String(b64), "image/png", ImageModel, width, height);
    }
}

public sealed record GeneratedImage(byte[] Bytes, string MediaType, string Model, int Width, int Height);
