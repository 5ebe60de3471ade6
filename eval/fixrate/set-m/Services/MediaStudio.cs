using OpenAI.Audio;
using OpenAI.Images;
using ShopCopilot.Data;
using ShopCopilot.Models;

namespace ShopCopilot.Services;

public interface IBlobStore
{
    Task<string> WriteAsync(string container, string name, BinaryData data, CancellationToken ct);
    Stream OpenRead(string path);
}

public sealed class LocalBlobStore(IConfiguration configuration) : IBlobStore
{
    private readonly string _root = configuration["Storage:Root"] ?? Path.Combine(AppContext.BaseDirectory, "blobs");

    public async Task<string> WriteAsync(string container, string name, BinaryData data, CancellationToken ct)
    {
        var folder = Path.Combine(_root, container);
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name);
        await File.WriteAllBytesAsync(path, data.ToArray(), ct);
        return path;
    }

    public Stream OpenRead(string path) => File.OpenRead(path);
}

public interface IMediaStudio
{
    Task<MediaRow> CreateProductImageAsync(ImageRequest request, CancellationToken ct);
    Task<MediaRow> CreateVoiceOverAsync(VoiceOverRequest request, CancellationToken ct);
    Task<BinaryData> RenderVoicePreviewAsync(string script, string voice, CancellationToken ct);
}

public sealed class MediaStudio(ImageClient images, AudioClient audio, IBlobStore blobs, IContentStore store) : IMediaStudio
{
    public async Task<MediaRow> CreateProductImageAsync(ImageRequest request, CancellationToken ct)
    {
        var result = await images.GenerateImageAsync(
            $"E-commerce product photo of {request.Sku}: {request.Scene}. Style: {request.Style}. No text, no watermark.",
            new ImageGenerationOptions
            {
                Size = GeneratedImageSize.W1024xH1024,
                ResponseFormat = GeneratedImageFormat.Bytes,
                Quality = GeneratedImageQuality.High,
            }, ct);

        var id = $"img_{Guid.NewGuid():N}";
        var bytes = result.Value.ImageBytes;
        var path = await blobs.WriteAsync("images", $"{id}.png", bytes, ct);
        var row = new MediaRow { Id = id, Sku = request.Sku, Kind = "image", Path = path, ContentType = "image/png", Bytes = bytes.ToArray().LongLength };
        await store.SaveMediaAsync(row, ct);
        return row;
    }

    public async Task<MediaRow> CreateVoiceOverAsync(VoiceOverRequest request, CancellationToken ct)
    {
        var speech = await RenderVoicePreviewAsync(request.Script, request.Voice, ct);
        var id = $"aud_{Guid.NewGuid():N}";
        var path = await blobs.WriteAsync("audio", $"{id}.mp3", speech, ct);
        var row = new MediaRow { Id = id, Sku = request.Sku, Kind = "audio", Path = path, ContentType = "audio/mpeg", Bytes = speech.ToArray().LongLength };
        await store.SaveMediaAsync(row, ct);
        return row;
    }

    public async Task<BinaryData> RenderVoicePreviewAsync(string script, string voice, CancellationToken ct)
    {
        var result = await audio.GenerateSpeechAsync(script, new GeneratedSpeechVoice(voice),
            new SpeechGenerationOptions { ResponseFormat = GeneratedSpeechFormat.Mp3, SpeedRatio = 1.05f }, ct);
        return result.Value;
    }
}
