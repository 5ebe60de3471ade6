using Azure.AI.OpenAI;
using CareMessenger.Data;
using Microsoft.Extensions.Options;
using OpenAI.Audio;
using OpenAI.Images;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Processing;

namespace CareMessenger.Services;

public sealed record GeneratedMedia(byte[] Bytes, string ContentType, string? RevisedPrompt);

public interface IMediaGenerationService
{
    Task<GeneratedMedia> GenerateIllustrationAsync(string topic, string audience, CancellationToken ct);
    Task<GeneratedMedia> GenerateNarrationAsync(string script, CancellationToken ct);
    Task<MediaAsset> SaveAsync(string topic, GeneratedMedia media, CancellationToken ct);
    byte[] MakeThumbnail(byte[] png, int width);
}

public sealed class AzureMediaGenerationService(
    AzureOpenAIClient azure,
    IOptions<AiOptions> options,
    IWebHostEnvironment env,
    CareDbContext db) : IMediaGenerationService
{
    public async Task<GeneratedMedia> GenerateIllustrationAsync(string topic, string audience, CancellationToken ct)
    {
        var images = azure.GetImageClient(options.Value.ImageDeployment);
        var prompt = $"扁平插画风格的健康科普图，主题：{topic}，面向{audience}。画面温暖、简洁，不出现文字和真实人物面孔。";
        var result = await images.GenerateImageAsync(prompt, new ImageGenerationOptions
        {
            Size = GeneratedImageSize.W1024xH1024,
            Quality = GeneratedImageQuality.Standard,
            ResponseFormat = GeneratedImageFormat.Bytes,
        }, ct);
        return new GeneratedMedia(result.Value.ImageBytes.ToArray(), "image/png", result.Value.RevisedPrompt);
    }

    public async Task<GeneratedMedia> GenerateNarrationAsync(string script, CancellationToken ct)
    {
        var audio = azure.GetAudioClient(options.Value.SpeechDeployment);
        var result = await audio.GenerateSpeechAsync(script, GeneratedSpeechVoice.Nova,
            new SpeechGenerationOptions { ResponseFormat = GeneratedSpeechFormat.Wav, SpeedRatio = 0.95f }, ct);
        return new GeneratedMedia(result.Value.ToArray(), "audio/wav", null);
    }

    public async Task<MediaAsset> SaveAsync(string topic, GeneratedMedia media, CancellationToken ct)
    {
        var id = Guid.NewGuid();
        var folder = Path.Combine(env.ContentRootPath, options.Value.MediaRoot, DateTime.UtcNow.ToString("yyyyMM"));
        Directory.CreateDirectory(folder);
        var extension = media.ContentType == "image/png" ? ".png" : ".wav";
        var path = Path.Combine(folder, id.ToString("N") + extension);
        await File.WriteAllBytesAsync(path, media.Bytes, ct);

        string? thumbPath = null;
        if (media.ContentType == "image/png")
        {
            thumbPath = Path.Combine(folder, id.ToString("N") + ".thumb.jpg");
            await File.WriteAllBytesAsync(thumbPath, MakeThumbnail(media.Bytes, 256), ct);
        }

        var asset = new MediaAsset
        {
            Id = id,
            Topic = topic,
            ContentType = media.ContentType,
            StoragePath = path,
            ThumbnailPath = thumbPath,
            SizeBytes = media.Bytes.LongLength,
            CreatedAt = DateTimeOffset.UtcNow,
        };
        db.MediaAssets.Add(asset);
        await db.SaveChangesAsync(ct);
        return asset;
    }

    public byte[] MakeThumbnail(byte[] png, int width)
    {
        using var image = Image.Load(png);
        image.Mutate(x => x.Resize(new ResizeOptions { Size = new Size(width, 0), Mode = ResizeMode.Max }));
        using var output = new MemoryStream();
        image.SaveAsJpeg(output);
        return output.ToArray();
    }
}
