using Microsoft.Extensions.Options;
using XueBa.Coach.Configuration;
using XueBa.Coach.Contracts;
using XueBa.Coach.Infrastructure.Ai;
using XueBa.Coach.Infrastructure.Data;

namespace XueBa.Coach.Services;

public interface IMediaStudioService
{
    Task<ClaudeCompletion> WritePassageAsync(PassageRequest request, CancellationToken ct);
    Task<GeneratedImage> IllustrateAsync(PassageRow passage, string scene, string style, CancellationToken ct);
    Task<SynthesizedSpeech> SpeakAsync(string text, string? voice, double speed, string format, CancellationToken ct);
    Task<MediaAssetRow> SaveAsync(string ownerId, string kind, byte[] bytes, string contentType, string model, CancellationToken ct);
    Task<(MediaAssetRow Asset, byte[] Bytes)?> OpenAsync(Guid assetId, CancellationToken ct);
}

public sealed class MediaStudioService(
    IClaudeWriter claude,
    IHunyuanClient hunyuan,
    ISpeechClient speech,
    ILearningRepository repository,
    IOptions<StorageOptions> storage) : IMediaStudioService
{
    public Task<ClaudeCompletion> WritePassageAsync(PassageRequest request, CancellationToken ct)
    {
        var language = request.Language == "en" ? "English" : "中文";
        var system = "You write graded reading passages for K-12 learners. Use vocabulary appropriate to the grade, no violence, no brand names.";
        var user = $"Language: {language}. Grade: {request.Grade}. Topic: {request.Topic}. Length: about {request.WordCount} words/characters. " +
                   "Give a title on the first line, then the passage.";
        return claude.CompleteAsync(system, user, Math.Max(600, request.WordCount * 3), ct);
    }

    public Task<GeneratedImage> IllustrateAsync(PassageRow passage, string scene, string style, CancellationToken ct)
    {
        var excerpt = passage.Body.Length > 400 ? passage.Body[..400] : passage.Body;
        var prompt = $"儿童读物插图，{style}风格，画面：{scene}。故事背景：{excerpt}。画面中不要出现文字。";
        return hunyuan.GenerateImageAsync(prompt, "1024x768", ct);
    }

    public Task<SynthesizedSpeech> SpeakAsync(string text, string? voice, double speed, string format, CancellationToken ct) =>
        speech.SynthesizeAsync(text, voice, speed, format, ct);

    public async Task<MediaAssetRow> SaveAsync(string ownerId, string kind, byte[] bytes, string contentType, string model, CancellationToken ct)
    {
        var id = Guid.NewGuid();
        var extension = contentType switch
        {
            "image/png" => ".png",
            "image/jpeg" => ".jpg",
            "audio/wav" => ".wav",
            "audio/mpeg" => ".mp3",
            _ => ".bin",
        };
        var relative = Path.Combine(kind, DateTime.UtcNow.ToString("yyyyMM"), id.ToString("N") + extension);
        var full = Path.Combine(storage.Value.MediaRoot, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        await File.WriteAllBytesAsync(full, bytes, ct);

        var row = new MediaAssetRow
        {
            Id = id,
            OwnerId = ownerId,
            Kind = kind,
            RelativePath = relative,
            ContentType = contentType,
            Bytes = bytes.LongLength,
            Model = model,
            CreatedAt = DateTimeOffset.UtcNow,
        };
        await repository.SaveMediaAssetAsync(row, ct);
        return row;
    }

    public async Task<(MediaAssetRow Asset, byte[] Bytes)?> OpenAsync(Guid assetId, CancellationToken ct)
    {
        var asset = await repository.GetMediaAssetAsync(assetId, ct);
        if (asset is null) return null;
        var full = Path.Combine(storage.Value.MediaRoot, asset.RelativePath);
        if (!File.Exists(full)) return null;
        return (asset, await File.ReadAllBytesAsync(full, ct));
    }
}
