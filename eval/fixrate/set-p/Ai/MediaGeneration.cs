using ClipForge.Configuration;
using Microsoft.Extensions.Options;
using OpenAI.Audio;
using OpenAI.Images;
using SkiaSharp;

namespace ClipForge.Ai;

public sealed record GeneratedCover(byte[] Png, string? RevisedPrompt, string Model, int Width, int Height);

public interface ICoverGenerator
{
    Task<GeneratedCover> GenerateAsync(string prompt, string style, CancellationToken ct);
}

public interface IThumbnailRenderer
{
    byte[] RenderJpeg(byte[] image, int maxEdge, int quality = 80);
}

public interface IVoiceOverSynthesizer
{
    string Model { get; }
    Task<byte[]> SynthesizeWavAsync(string text, string voice, CancellationToken ct);
}

public interface ISubtitleTranscriber
{
    string Model { get; }
    Task<string> TranscribeAsync(byte[] audio, string fileName, string format, string language, CancellationToken ct);
}

internal sealed class OpenAiCoverGenerator(ImageClient images, IOptions<AiModelOptions> options) : ICoverGenerator
{
    public async Task<GeneratedCover> GenerateAsync(string prompt, string style, CancellationToken ct)
    {
        var result = await images.GenerateImageAsync(
            $"竖版短视频封面，风格：{style}。画面：{prompt}。不要出现任何文字或水印。",
            new ImageGenerationOptions
            {
                Size = GeneratedImageSize.W1024xH1536,
                Quality = GeneratedImageQuality.MediumQuality,
                OutputFileFormat = GeneratedImageFileFormat.Png
            },
            ct);

        var image = result.Value;
        return new GeneratedCover(image.ImageBytes.ToArray(), image.RevisedPrompt, options.Value.ImageModel, 1024, 1536);
    }
}

internal sealed class SkiaThumbnailRenderer : IThumbnailRenderer
{
    public byte[] RenderJpeg(byte[] image, int maxEdge, int quality = 80)
    {
        using var source = SKBitmap.Decode(image) ?? throw new InvalidDataException("Unsupported image format.");
        var scale = Math.Min(1f, (float)maxEdge / Math.Max(source.Width, source.Height));
        var info = new SKImageInfo(Math.Max(1, (int)(source.Width * scale)), Math.Max(1, (int)(source.Height * scale)));

        using var resized = source.Resize(info, new SKSamplingOptions(SKCubicResampler.Mitchell))
            ?? throw new InvalidOperationException("Resize failed.");
        using var encoded = SKImage.FromBitmap(resized).Encode(SKEncodedImageFormat.Jpeg, quality);
        return encoded.ToArray();
    }
}

internal sealed class OpenAiVoiceOverSynthesizer(AudioClient speech, IOptions<AiModelOptions> options) : IVoiceOverSynthesizer
{
    public string Model => options.Value.SpeechModel;

    public async Task<byte[]> SynthesizeWavAsync(string text, string voice, CancellationToken ct)
    {
        var result = await speech.GenerateSpeechAsync(text, new GeneratedSpeechVoice(voice), new SpeechGenerationOptions
        {
            ResponseFormat = GeneratedSpeechFormat.Wav,
            SpeedRatio = 1.05f
        }, ct);
        return result.Value.ToArray();
    }
}

internal sealed class OpenAiSubtitleTranscriber(
    [FromKeyedServices("transcription")] AudioClient transcription,
    IOptions<AiModelOptions> options) : ISubtitleTranscriber
{
    public string Model => options.Value.TranscriptionModel;

    public async Task<string> TranscribeAsync(byte[] audio, string fileName, string format, string language, CancellationToken ct)
    {
        using var stream = new MemoryStream(audio, writable: false);
        var result = await transcription.TranscribeAudioAsync(stream, fileName, new AudioTranscriptionOptions
        {
            Language = language,
            ResponseFormat = format == "vtt" ? AudioTranscriptionFormat.Vtt : AudioTranscriptionFormat.Srt
        }, ct);
        return result.Value.Text;
    }
}

public static class SubtitleFormat
{
    public static int CountCues(string content, string format) =>
        format == "vtt"
            ? content.Split('\n').Count(l => l.Contains("-->", StringComparison.Ordinal))
            : content.Split("\n\n", StringSplitOptions.RemoveEmptyEntries).Length;

    public static string ContentType(string format) => format == "vtt" ? "text/vtt" : "application/x-subrip";
}
