using Betalgo.Ranul.OpenAI.Contracts.Enums;
using Betalgo.Ranul.OpenAI.Contracts.Enums.Image;
using Betalgo.Ranul.OpenAI.Contracts.Requests.Image;
using Betalgo.Ranul.OpenAI.Interfaces;
using Betalgo.Ranul.OpenAI.ObjectModels.RequestModels;
using DeepSynth.Compliance.Audio;
using DeepSynth.Compliance.Audit;
using DeepSynth.Compliance.Metadata;
using Microsoft.Extensions.Options;
using ZhengWuTong.Domain;
using ZhengWuTong.Infrastructure.Ai;
using ZhengWuTong.Infrastructure.Storage;

namespace ZhengWuTong.Services;

public sealed record BroadcastResult(MediaAsset Asset, string Script);

public interface IMediaGenerationService
{
    Task<GeneratedImage> RenderPosterAsync(string theme, string size, CancellationToken ct);
    Task<IReadOnlyList<MediaAsset>> RenderPosterVariantsAsync(string theme, int count, string ownerId, CancellationToken ct);
    Task<BroadcastResult> ProduceBroadcastAsync(string topic, string? noticeText, int durationSeconds, string ownerId, CancellationToken ct);
    MediaAsset? FindAsset(string id);
    byte[]? ReadAssetBytes(MediaAsset asset);
}

public sealed class MediaGenerationService(
    IArkImageClient ark,
    IOpenAIService openAi,
    IOptions<BetalgoOptions> options,
    IAudioLabeler audioLabeler,
    IAigcFileLabeler fileLabeler,
    ISynthesisAuditLog audit,
    GovDataStore store,
    ILogger<MediaGenerationService> logger) : IMediaGenerationService
{
    private readonly BetalgoOptions _options = options.Value;

    private const string PosterStyle =
        "政府公益宣传海报风格，画面简洁明快，红色与白色为主色调，留出标题区域，不出现任何真实人物肖像和文字错误。主题：";

    public Task<GeneratedImage> RenderPosterAsync(string theme, string size, CancellationToken ct) =>
        ark.GenerateAsync(PosterStyle + theme, size, ct);

    public async Task<IReadOnlyList<MediaAsset>> RenderPosterVariantsAsync(string theme, int count, string ownerId, CancellationToken ct)
    {
        var response = await openAi.Image.CreateImage(new CreateImageRequest(PosterStyle + theme)
        {
            N = Math.Clamp(count, 1, 4),
            Size = ImageSize.Size1024,
            ResponseFormat = ImageResponseFormat.Base64
        }, ct);

        if (!response.Successful)
        {
            logger.LogWarning("Image variants failed: {Message}", response.Error?.Message);
            throw new AiProviderException("betalgo-image", (int)response.HttpStatusCode);
        }

        var assets = new List<MediaAsset>();
        foreach (var image in response.Data)
        {
            var bytes = Convert.FromBase64String(image.B64Json);
            var asset = new MediaAsset
            {
                Kind = "poster",
                ContentType = "image/png",
                Prompt = theme,
                Model = _options.ImageModel,
                OwnerId = ownerId,
                SizeBytes = bytes.Length
            };
            asset.FileId = store.SaveFile($"$/posters/{asset.Id}", $"{asset.Id}.png", bytes);
            store.MediaAssets.Insert(asset);
            assets.Add(asset);
        }

        return assets;
    }

    public async Task<BroadcastResult> ProduceBroadcastAsync(string topic, string? noticeText, int durationSeconds, string ownerId, CancellationToken ct)
    {
        var chars = Math.Clamp(durationSeconds, 20, 180) * 4;
        var scriptResponse = await openAi.ChatCompletion.CreateCompletion(new ChatCompletionCreateRequest
        {
            Model = _options.ChatModel,
            Messages =
            [
                ChatMessage.FromSystem($"你是社区广播站的播音稿撰稿人。写一段约{chars}字的普通话广播稿，口语化，适合在社区喇叭和公交车上播放。"),
                ChatMessage.FromUser(noticeText is null ? topic : $"{topic}\n参考通知：{noticeText}")
            ]
        }, cancellationToken: ct);

        if (!scriptResponse.Successful)
        {
            throw new AiProviderException("betalgo", (int)scriptResponse.HttpStatusCode);
        }

        var script = scriptResponse.Choices.First().Message.Content ?? string.Empty;

        var speech = await openAi.Audio.CreateSpeech<byte[]>(new AudioCreateSpeechRequest
        {
            Model = _options.SpeechModel,
            Input = script,
            Voice = Voice.Alloy,
            ResponseFormat = new CreateSpeechResponseFormat("wav"),
            Speed = 0.95f
        }, ct);

        if (!speech.Successful || speech.Data is null)
        {
            throw new AiProviderException("betalgo-tts", (int)speech.HttpStatusCode);
        }

        var asset = new MediaAsset
        {
            Kind = "broadcast",
            ContentType = "audio/wav",
            Prompt = topic,
            Script = script,
            Model = _options.SpeechModel,
            OwnerId = ownerId
        };

        var withCue = audioLabeler.LabelWav(speech.Data, ct);
        var labeled = fileLabeler.Label(withCue, new FileLabelRequest { FileName = $"{asset.Id}.wav" }, ct);
        asset.SizeBytes = labeled.Length;
        asset.FileId = store.SaveFile($"$/broadcasts/{asset.Id}", $"{asset.Id}.wav", labeled);
        store.MediaAssets.Insert(asset);

        await audit.RecordAsync(labeled, new GenerationRecord
        {
            UserId = ownerId,
            Model = _options.SpeechModel,
            ContentId = asset.Id,
            Labeled = true
        }, ct);

        return new BroadcastResult(asset, script);
    }

    public MediaAsset? FindAsset(string id) => store.MediaAssets.FindById(id);

    public byte[]? ReadAssetBytes(MediaAsset asset) => store.ReadFile(asset.FileId);
}
