using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Serialization;
using LinguaPath.Models;
using Microsoft.Extensions.Options;

namespace LinguaPath.Services;

public interface IStudyTipClient
{
    Task<string> CompleteAsync(string system, string user, int maxTokens = 300, CancellationToken ct = default);
}

/// <summary>
/// Thin client for Zhipu GLM's OpenAI-compatible chat completions endpoint.
/// Used for bulk/cheap generation (daily lessons, reminder tips).
/// </summary>
public sealed class GlmStudyTipClient : IStudyTipClient
{
    private readonly HttpClient _http;
    private readonly AiOptions _options;
    private readonly ILogger<GlmStudyTipClient> _logger;

    public GlmStudyTipClient(HttpClient http, IOptions<AiOptions> options, ILogger<GlmStudyTipClient> logger)
    {
        _http = http;
        _options = options.Value;
        _logger = logger;

        _http.BaseAddress ??= new Uri(_options.GlmBaseUrl);
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _options.GlmApiKey);
    }

    public async Task<string> CompleteAsync(string system, string user, int maxTokens = 300, CancellationToken ct = default)
    {
        var request = new CompletionRequest(
            _options.GlmModel,
            [new Message("system", system), new Message("user", user)],
            Temperature: 0.8,
            MaxTokens: maxTokens);

        using var response = await _http.PostAsJsonAsync("chat/completions", request, ct);
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync(ct);
            _logger.LogError("GLM returned {Status}: {Body}", (int)response.StatusCode, body);
            response.EnsureSuccessStatusCode();
        }

        var completion = await response.Content.ReadFromJsonAsync<CompletionResponse>(ct);
        return completion?.Choices.FirstOrDefault()?.Message.Content?.Trim() ?? string.Empty;
    }

    private sealed record Message(
        [property: JsonPropertyName("role")] string Role,
        [property: JsonPropertyName("content")] string? Content);

    private sealed record CompletionRequest(
        [property: JsonPropertyName("model")] string Model,
        [property: JsonPropertyName("messages")] IReadOnlyList<Message> Messages,
        [property: JsonPropertyName("temperature")] double Temperature,
        [property: JsonPropertyName("max_tokens")] int MaxTokens);

    private sealed record Choice(
        [property: JsonPropertyName("index")] int Index,
        [property: JsonPropertyName("message")] Message Message);

    private sealed record CompletionResponse(
        [property: JsonPropertyName("id")] string Id,
        [property: JsonPropertyName("choices")] IReadOnlyList<Choice> Choices);
}
