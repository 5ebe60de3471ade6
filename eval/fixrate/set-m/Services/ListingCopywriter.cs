using System.Text.Json.Serialization;
using Refit;
using ShopCopilot.Models;

namespace ShopCopilot.Services;

public sealed record ChatMessageDto(
    [property: JsonPropertyName("role")] string Role,
    [property: JsonPropertyName("content")] string Content);

public sealed record ChatCompletionRequest
{
    [JsonPropertyName("model")] public string Model { get; init; } = "deepseek-chat";
    [JsonPropertyName("messages")] public IReadOnlyList<ChatMessageDto> Messages { get; init; } = [];
    [JsonPropertyName("temperature")] public double Temperature { get; init; } = 0.7;
    [JsonPropertyName("max_tokens")] public int MaxTokens { get; init; } = 800;
}

public sealed record ChatCompletionResponse
{
    [JsonPropertyName("id")] public string Id { get; init; } = "";
    [JsonPropertyName("model")] public string Model { get; init; } = "";
    [JsonPropertyName("choices")] public IReadOnlyList<ChatChoice> Choices { get; init; } = [];
    [JsonPropertyName("usage")] public ChatUsage? Usage { get; init; }
}

public sealed record ChatChoice
{
    [JsonPropertyName("index")] public int Index { get; init; }
    [JsonPropertyName("message")] public ChatMessageDto Message { get; init; } = new("assistant", "");
    [JsonPropertyName("finish_reason")] public string? FinishReason { get; init; }
}

public sealed record ChatUsage
{
    [JsonPropertyName("prompt_tokens")] public int PromptTokens { get; init; }
    [JsonPropertyName("completion_tokens")] public int CompletionTokens { get; init; }
    [JsonPropertyName("total_tokens")] public int TotalTokens { get; init; }
}

public sealed record ProviderModelList
{
    [JsonPropertyName("data")] public IReadOnlyList<ProviderModel> Data { get; init; } = [];
}

public sealed record ProviderModel
{
    [JsonPropertyName("id")] public string Id { get; init; } = "";
    [JsonPropertyName("owned_by")] public string OwnedBy { get; init; } = "";
}

[Headers("Accept: application/json")]
public interface IDeepSeekApi
{
    [Post("/chat/completions")]
    Task<ChatCompletionResponse> CreateChatCompletionAsync([Body] ChatCompletionRequest request, CancellationToken cancellationToken = default);

    [Get("/models")]
    Task<ProviderModelList> ListModelsAsync(CancellationToken cancellationToken = default);
}

public interface IListingCopywriter
{
    Task<CopyResult> WriteTitleAsync(ListingDraftRequest request, CancellationToken ct);
    Task<CopyResult> WriteDescriptionAsync(ListingDraftRequest request, string title, CancellationToken ct);
    Task<IReadOnlyList<string>> AvailableModelsAsync(CancellationToken ct);
}

public sealed class ListingCopywriter(IDeepSeekApi api, IConfiguration configuration, ILogger<ListingCopywriter> logger) : IListingCopywriter
{
    private string Model => configuration["Providers:DeepSeek:Model"] ?? "deepseek-chat";

    public Task<CopyResult> WriteTitleAsync(ListingDraftRequest request, CancellationToken ct)
    {
        var prompt = $"""
            Write one {request.Marketplace} product title in {request.Language} for "{request.ProductName}" ({request.Category}).
            Key features: {string.Join("; ", request.Features)}.
            Keep it under 180 characters, no emoji, no ALL CAPS, tone: {request.Tone}. Return only the title.
            """;
        return CompleteAsync("You are an e-commerce copywriter for cross-border sellers.", prompt, 120, ct);
    }

    public Task<CopyResult> WriteDescriptionAsync(ListingDraftRequest request, string title, CancellationToken ct)
    {
        var prompt = $"""
            Product title: {title}
            Features: {string.Join("; ", request.Features)}
            Write a {request.Language} product description for {request.Marketplace}: five bullet points followed by a short paragraph.
            Do not invent certifications or warranties.
            """;
        return CompleteAsync("You write marketplace listings that convert and respect marketplace style guides.", prompt, 700, ct);
    }

    public async Task<IReadOnlyList<string>> AvailableModelsAsync(CancellationToken ct)
    {
        var models = await api.ListModelsAsync(ct);
        return models.Data.Select(m => m.Id).ToList();
    }

    private async Task<CopyResult> CompleteAsync(string system, string prompt, int maxTokens, CancellationToken ct)
    {
        var response = await api.CreateChatCompletionAsync(new ChatCompletionRequest
        {
            Model = Model,
            MaxTokens = maxTokens,
            Messages = [new("system", system), new("user", prompt)],
        }, ct);

        var text = response.Choices.FirstOrDefault()?.Message.Content?.Trim() ?? "";
        logger.LogInformation("DeepSeek completion {Id} used {Tokens} tokens", response.Id, response.Usage?.TotalTokens ?? 0);
        return new CopyResult(text, response.Model, response.Usage?.PromptTokens ?? 0, response.Usage?.CompletionTokens ?? 0, response.Id);
    }
}
