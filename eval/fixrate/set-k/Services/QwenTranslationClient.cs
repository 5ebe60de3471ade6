using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;

namespace ListingAssistant.Services;

public sealed class QwenOptions
{
    public const string Section = "Qwen";
    public string BaseUrl { get; set; } = "https://dashscope-intl.aliyuncs.com/compatible-mode/";
    public string ApiKey { get; set; } = "";
    public string Model { get; set; } = "qwen-plus";
}

public interface ITranslationClient
{
    Task<string> TranslateAsync(string text, string targetLanguage, CancellationToken ct = default);
}

public sealed class QwenTranslationClient : ITranslationClient
{
    private readonly HttpClient _http;
    private readonly QwenOptions _options;
    private readonly ILogger<QwenTranslationClient> _logger;

    public QwenTranslationClient(HttpClient http, IOptions<QwenOptions> options, ILogger<QwenTranslationClient> logger)
    {
        _http = http;
        _options = options.Value;
        _logger = logger;
        _http.BaseAddress ??= new Uri(_options.BaseUrl);
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _options.ApiKey);
    }

    public async Task<string> TranslateAsync(string text, string targetLanguage, CancellationToken ct = default)
    {
        var request = new CompletionRequest(
            _options.Model,
            [
                new CompletionMessage("system",
                    "You translate Australian real-estate listings. Keep addresses, prices and measurements unchanged, " +
                    "keep the marketing tone natural for native readers."),
                new CompletionMessage("user", $"Translate into {targetLanguage}:\n\n{text}")
            ],
            Temperature: 0.2);

        using var response = await _http.PostAsJsonAsync("v1/chat/completions", request, ct);
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync(ct);
            _logger.LogWarning("Qwen translation failed with {Status}: {Body}", (int)response.StatusCode, body);
            response.EnsureSuccessStatusCode();
        }

        var completion = await response.Content.ReadFromJsonAsync<CompletionResponse>(ct);
        var translated = completion?.Choices.FirstOrDefault()?.Message.Content;
        if (string.IsNullOrWhiteSpace(translated))
        {
            throw new InvalidOperationException("Translation provider returned an empty response.");
        }

        _logger.LogInformation("Translated {Chars} chars into {Language} ({Tokens} tokens)",
            text.Length, targetLanguage, completion?.Usage?.TotalTokens);
        return translated.Trim();
    }

    private sealed record CompletionRequest(
        [property: JsonPropertyName("model")] string Model,
        [property: JsonPropertyName("messages")] IReadOnlyList<CompletionMessage> Messages,
        [property: JsonPropertyName("temperature")] double Temperature);

    private sealed record CompletionMessage(
        [property: JsonPropertyName("role")] string Role,
        [property: JsonPropertyName("content")] string Content);

    private sealed record CompletionResponse(
        [property: JsonPropertyName("choices")] List<CompletionChoice> Choices,
        [property: JsonPropertyName("usage")] CompletionUsage? Usage);

    private sealed record CompletionChoice(
        [property: JsonPropertyName("index")] int Index,
        [property: JsonPropertyName("message")] CompletionMessage Message);

    private sealed record CompletionUsage(
        [property: JsonPropertyName("total_tokens")] int TotalTokens);
}
