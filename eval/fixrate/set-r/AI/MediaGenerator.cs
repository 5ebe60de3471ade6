using Azure.AI.OpenAI;
using Microsoft.Extensions.Options;
using OpenAI.Audio;
using OpenAI.Images;

namespace PeiFu.Claims.AI;

public sealed record GeneratedMedia(byte[] Content, string ContentType, string Model, string? RevisedPrompt);

public interface IMediaGenerator
{
    Task<GeneratedMedia> GenerateExplainerImageAsync(string topic, string? style, CancellationToken ct);
    Task<GeneratedMedia> SynthesizeSpeechAsync(string text, CancellationToken ct);
}

/// <summary>Explanation images and phone-line speech on Azure OpenAI deployments.</summary>
public sealed class MediaGenerator : IMediaGenerator
{
    private readonly ImageClient _images;
    private readonly AudioClient _audio;
    private readonly AiOptions _options;

    public MediaGenerator(AzureOpenAIClient client, IOptions<AiOptions> options)
    {
        _options = options.Value;
        _images = client.GetImageClient(_options.ImageDeployment);
        _audio = client.GetAudioClient(_options.SpeechDeployment);
    }

    public async Task<GeneratedMedia> GenerateExplainerImageAsync(string topic, string? style, CancellationToken ct)
    {
        var prompt = $"A clean, friendly infographic-style illustration explaining: {topic}. " +
                     $"Style: {style ?? "flat vector, soft blue palette, no brand logos, no text in the image"}.";

        var result = await _images.GenerateImageAsync(prompt, new ImageGenerationOptions
        {
            Size = GeneratedImageSize.W1024xH1024,
            Quality = GeneratedImageQuality.Standard,
            ResponseFormat = GeneratedImageFormat.Bytes
        }, ct);

        var image = result.Value;
        return new GeneratedMedia(image.ImageBytes.ToArray(), "image/png", _options.ImageDeployment, image.RevisedPrompt);
    }

    public async Task<GeneratedMedia> SynthesizeSpeechAsync(string text, CancellationToken ct)
    {
        var result = await _audio.GenerateSpeechAsync(text, GeneratedSpeechVoice.Nova, new SpeechGenerationOptions
        {
            ResponseFormat = GeneratedSpeechFormat.Wav,
            SpeedRatio = 1.0f
        }, ct);

        return new GeneratedMedia(result.Value.ToArray(), "audio/wav", _options.SpeechDeployment, null);
    }
}
