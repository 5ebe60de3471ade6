using System.Text.Json.Serialization;
using Flurl.Http;
using RestSharp;

namespace ShopCopilot.Services;

public interface IListingTranslator
{
    Task<string> TranslateAsync(string text, string targetLanguage, CancellationToken ct);
    string EngineName { get; }
}

/// <summary>Baidu Qianfan (ERNIE) over its OpenAI-style v2 REST API.</summary>
public sealed class ErnieTranslator(IConfiguration configuration) : IListingTranslator
{
    private readonly string _baseUrl = configuration["Providers:Qianfan:BaseUrl"] ?? "https://qianfan.baidubce.com/v2";
    private readonly string _apiKey = configuration["Providers:Qianfan:ApiKey"] ?? "";
    private readonly string _model = configuration["Providers:Qianfan:Model"] ?? "ernie-4.0-turbo-8k";

    public string EngineName => _model;

    public async Task<string> TranslateAsync(string text, string targetLanguage, CancellationToken ct)
    {
        var result = await $"{_baseUrl}/chat/completions"
            .WithOAuthBearerToken(_apiKey)
            .WithTimeout(TimeSpan.FromSeconds(60))
            .PostJsonAsync(new
            {
                model = _model,
                messages = new object[]
                {
                    new { role = "system", content = $"Translate e-commerce listings into {targetLanguage}. Keep brand names, sizes and units unchanged. Output only the translation." },
                    new { role = "user", content = text },
                },
            }, cancellationToken: ct)
            .ReceiveJson<QianfanResponse>();

        return result.Choices.FirstOrDefault()?.Message?.Content?.Trim() ?? "";
    }

    private sealed class QianfanResponse
    {
        [JsonPropertyName("id")] public string Id { get; set; } = "";
        [JsonPropertyName("choices")] public List<QianfanChoice> Choices { get; set; } = [];
    }

    private sealed class QianfanChoice
    {
        [JsonPropertyName("message")] public QianfanMessage? Message { get; set; }
    }

    private sealed class QianfanMessage
    {
        [JsonPropertyName("content")] public string? Content { get; set; }
    }
}

public interface IMarketingWriter
{
    Task<(string Subject, string Body)> WritePromoEmailAsync(string productSummary, string audience, string occasion, decimal discount, string language, CancellationToken ct);
    Task<string> WritePushTextAsync(string productSummary, string occasion, int maxChars, string language, CancellationToken ct);
    string ModelName { get; }
}

/// <summary>Tencent Hunyuan through its OpenAI-compatible endpoint.</summary>
public sealed class HunyuanMarketingWriter : IMarketingWriter, IDisposable
{
    private readonly RestClient _client;
    private readonly string _model;

    public HunyuanMarketingWriter(IConfiguration configuration)
    {
        _model = configuration["Providers:Hunyuan:Model"] ?? "hunyuan-turbos-latest";
        var options = new RestClientOptions(configuration["Providers:Hunyuan:BaseUrl"] ?? "https://api.hunyuan.cloud.tencent.com/v1")
        {
            Timeout = TimeSpan.FromSeconds(45),
        };
        _client = new RestClient(options);
        _client.AddDefaultHeader("Authorization", $"Bearer {configuration["Providers:Hunyuan:ApiKey"]}");
    }

    public string ModelName => _model;

    public async Task<(string Subject, string Body)> WritePromoEmailAsync(string productSummary, string audience, string occasion, decimal discount, string language, CancellationToken ct)
    {
        var text = await CompleteAsync($"""
            Write a promotional e-mail in {language} for {audience} about: {productSummary}.
            Occasion: {occasion}. Discount: {discount}% off.
            First line: the subject line. Then a blank line. Then the body in simple HTML (<p>, <ul>, <strong> only).
            """, 900, ct);

        var split = text.Split("\n\n", 2, StringSplitOptions.TrimEntries);
        var subject = split[0].Replace("Subject:", "", StringComparison.OrdinalIgnoreCase).Trim();
        return (subject, split.Length > 1 ? split[1] : text);
    }

    public Task<string> WritePushTextAsync(string productSummary, string occasion, int maxChars, string language, CancellationToken ct) =>
        CompleteAsync($"Write one app push notification in {language}, at most {maxChars} characters, for {occasion}: {productSummary}. Return only the text.", 120, ct);

    private async Task<string> CompleteAsync(string prompt, int maxTokens, CancellationToken ct)
    {
        var request = new RestRequest("chat/completions", Method.Post)
            .AddJsonBody(new ChatCompletionRequest
            {
                Model = _model,
                MaxTokens = maxTokens,
                Messages = [new("system", "You are a marketing copywriter for overseas shoppers."), new("user", prompt)],
            });

        var response = await _client.ExecuteAsync<ChatCompletionResponse>(request, ct);
        if (!response.IsSuccessful || response.Data is null)
        {
            throw new HttpRequestException($"Hunyuan returned {(int)response.StatusCode}: {response.ErrorMessage}");
        }

        return response.Data.Choices.FirstOrDefault()?.Message.Content.Trim() ?? "";
    }

    public void Dispose() => _client.Dispose();
}
