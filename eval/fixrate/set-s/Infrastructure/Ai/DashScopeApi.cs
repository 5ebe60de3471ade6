using System.Text.Json.Serialization;
using Refit;

namespace HuoPin.Live.Infrastructure.Ai;

public sealed class DashScopeOptions
{
    public string BaseUrl { get; set; } = "https://dashscope.aliyuncs.com";
    public string ApiKey { get; set; } = "";
    public string TextModel { get; set; } = "qwen-plus";
    public string ImageModel { get; set; } = "wanx2.1-t2i-turbo";
    public TimeSpan ImagePollInterval { get; set; } = TimeSpan.FromSeconds(2);
    public int ImagePollAttempts { get; set; } = 30;
}

/// <summary>Alibaba Cloud DashScope (Qwen / Wanx) REST API.</summary>
public interface IDashScopeApi
{
    [Post("/api/v1/services/aigc/text-generation/generation")]
    Task<DashScopeTextResponse> GenerateTextAsync([Body] DashScopeTextRequest request, CancellationToken cancellationToken = default);

    [Post("/api/v1/services/aigc/text2image/image-synthesis")]
    [Headers("X-DashScope-Async: enable")]
    Task<DashScopeTaskResponse> SubmitImageTaskAsync([Body] DashScopeImageRequest request, CancellationToken cancellationToken = default);

    [Get("/api/v1/tasks/{taskId}")]
    Task<DashScopeTaskResponse> GetTaskAsync(string taskId, CancellationToken cancellationToken = default);
}

public sealed record DashScopeMessage(
    [property: JsonPropertyName("role")] string Role,
    [property: JsonPropertyName("content")] string Content);

public sealed class DashScopeTextRequest
{
    [JsonPropertyName("model")] public string Model { get; set; } = "qwen-plus";
    [JsonPropertyName("input")] public DashScopeTextInput Input { get; set; } = new();
    [JsonPropertyName("parameters")] public DashScopeTextParameters Parameters { get; set; } = new();

    public static DashScopeTextRequest Create(string model, string system, string user, double temperature = 0.8, int maxTokens = 1200) => new()
    {
        Model = model,
        Input = new DashScopeTextInput { Messages = [new("system", system), new("user", user)] },
        Parameters = new DashScopeTextParameters { Temperature = temperature, MaxTokens = maxTokens },
    };
}

public sealed class DashScopeTextInput
{
    [JsonPropertyName("messages")] public List<DashScopeMessage> Messages { get; set; } = [];
}

public sealed class DashScopeTextParameters
{
    [JsonPropertyName("result_format")] public string ResultFormat { get; set; } = "message";
    [JsonPropertyName("temperature")] public double Temperature { get; set; } = 0.8;
    [JsonPropertyName("max_tokens")] public int MaxTokens { get; set; } = 1200;
}

public sealed class DashScopeTextResponse
{
    [JsonPropertyName("request_id")] public string? RequestId { get; set; }
    [JsonPropertyName("output")] public DashScopeTextOutput? Output { get; set; }
    [JsonPropertyName("usage")] public DashScopeUsage? Usage { get; set; }

    public string FirstText() =>
        Output?.Choices?.FirstOrDefault()?.Message?.Content
        ?? Output?.Text
        ?? throw new InvalidOperationException($"DashScope returned no text (request {RequestId}).");
}

public sealed class DashScopeTextOutput
{
    [JsonPropertyName("text")] public string? Text { get; set; }
    [JsonPropertyName("choices")] public List<DashScopeChoice>? Choices { get; set; }
}

public sealed class DashScopeChoice
{
    [JsonPropertyName("finish_reason")] public string? FinishReason { get; set; }
    [JsonPropertyName("message")] public DashScopeMessage? Message { get; set; }
}

public sealed class DashScopeUsage
{
    [JsonPropertyName("input_tokens")] public int InputTokens { get; set; }
    [JsonPropertyName("output_tokens")] public int OutputTokens { get; set; }
}

public sealed class DashScopeImageRequest
{
    [JsonPropertyName("model")] public string Model { get; set; } = "wanx2.1-t2i-turbo";
    [JsonPropertyName("input")] public DashScopeImageInput Input { get; set; } = new();
    [JsonPropertyName("parameters")] public DashScopeImageParameters Parameters { get; set; } = new();
}

public sealed class DashScopeImageInput
{
    [JsonPropertyName("prompt")] public string Prompt { get; set; } = "";
    [JsonPropertyName("negative_prompt")] public string? NegativePrompt { get; set; }
}

public sealed class DashScopeImageParameters
{
    [JsonPropertyName("size")] public string Size { get; set; } = "1024*1024";
    [JsonPropertyName("n")] public int Count { get; set; } = 1;
}

public sealed class DashScopeTaskResponse
{
    [JsonPropertyName("request_id")] public string? RequestId { get; set; }
    [JsonPropertyName("output")] public DashScopeTaskOutput? Output { get; set; }
}

public sealed class DashScopeTaskOutput
{
    [JsonPropertyName("task_id")] public string TaskId { get; set; } = "";
    [JsonPropertyName("task_status")] public string TaskStatus { get; set; } = "";
    [JsonPropertyName("message")] public string? Message { get; set; }
    [JsonPropertyName("results")] public List<DashScopeImageResult>? Results { get; set; }
}

public sealed class DashScopeImageResult
{
    [JsonPropertyName("url")] public string? Url { get; set; }
    [JsonPropertyName("code")] public string? Code { get; set; }
}
