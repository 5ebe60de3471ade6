using HuoPin.Live.Domain;
using HuoPin.Live.Infrastructure.Ai;
using Microsoft.Extensions.Options;
using OpenAI.Audio;
using OpenAI.Images;

namespace HuoPin.Live.Services;

public sealed class MediaModelOptions
{
    public string ImageDeployment { get; set; } = "dall-e-3";
    public string SpeechDeployment { get; set; } = "tts-1-hd";
    public string DefaultVoice { get; set; } = "nova";
}

public sealed record GeneratedMedia(byte[] Content, string ContentType, string Model, string? RevisedPrompt = null);

public interface IMediaStudio
{
    Task<GeneratedMedia> RenderSceneImageAsync(Product product, string scene, CancellationToken ct);
    Task<GeneratedMedia> RenderWanxImageAsync(Product product, string scene, CancellationToken ct);
    Task<GeneratedMedia> SynthesizeVoiceOverAsync(string script, string? voice, CancellationToken ct);
}

public sealed class MediaStudio(
    ImageClient images,
    AudioClient speech,
    IDashScopeApi dashScope,
    IHttpClientFactory httpClientFactory,
    IOptions<MediaModelOptions> mediaOptions,
    IOptions<DashScopeOptions> dashScopeOptions,
    ILogger<MediaStudio> logger) : IMediaStudio
{
    public async Task<GeneratedMedia> RenderSceneImageAsync(Product product, string scene, CancellationToken ct)
    {
        var prompt = $"Product photography of \"{product.Name}\" ({product.Category}), {scene}. Clean e-commerce style, soft studio light, no text, no watermark.";
        var result = await images.GenerateImageAsync(prompt, new ImageGenerationOptions
        {
            Size = GeneratedImageSize.W1024xH1024,
            Quality = GeneratedImageQuality.High,
            ResponseFormat = GeneratedImageFormat.Bytes,
        }, ct);

        return new GeneratedMedia(result.Value.ImageBytes.ToArray(), "image/png", mediaOptions.Value.ImageDeployment, result.Value.RevisedPrompt);
    }

    public async Task<GeneratedMedia> RenderWanxImageAsync(Product product, string scene, CancellationToken ct)
    {
        var options = dashScopeOptions.Value;
        var submitted = await dashScope.SubmitImageTaskAsync(new DashScopeImageRequest
        {
            Model = options.ImageModel,
            Input = new DashScopeImageInput
            {
                Prompt = $"{product.Name}，{scene}，电商主图风格，高清，柔和布光",
                NegativePrompt = "文字, 水印, 低清晰度",
            },
        }, ct);

        var taskId = submitted.Output?.TaskId ?? throw new InvalidOperationException("DashScope did not return a task id.");
        for (var attempt = 0; attempt < options.ImagePollAttempts; attempt++)
        {
            await Task.Delay(options.ImagePollInterval, ct);
            var task = await dashScope.GetTaskAsync(taskId, ct);
            switch (task.Output?.TaskStatus)
            {
                case "SUCCEEDED":
                    var url = task.Output.Results?.FirstOrDefault(r => r.Url is not null)?.Url
                        ?? throw new InvalidOperationException($"Task {taskId} succeeded without an image.");
                    var http = httpClientFactory.CreateClient("dashscope-oss");
                    var bytes = await http.GetByteArrayAsync(url, ct);
                    return new GeneratedMedia(bytes, "image/png", options.ImageModel);
                case "FAILED":
                case "CANCELED":
                    throw new InvalidOperationException($"Image task {taskId} ended as {task.Output.TaskStatus}: {task.Output.Message}");
            }
        }

        logger.LogWarning("Image task {TaskId} still running after {Attempts} polls", taskId, options.ImagePollAttempts);
        throw new TimeoutException($"Image task {taskId} did not finish in time.");
    }

    public async Task<GeneratedMedia> SynthesizeVoiceOverAsync(string script, string? voice, CancellationToken ct)
    {
        var result = await speech.GenerateSpeechAsync(
            script,
            new GeneratedSpeechVoice(voice ?? mediaOptions.Value.DefaultVoice),
            new SpeechGenerationOptions { ResponseFormat = GeneratedSpeechFormat.Wav, SpeedRatio = 1.05f },
            ct);

        return new GeneratedMedia(result.Value.ToArray(), "audio/wav", mediaOptions.Value.SpeechDeployment);
    }
}
