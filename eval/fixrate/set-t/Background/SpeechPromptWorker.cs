using System.Threading.Channels;
using DeepSynth.Compliance.Audio;
using DeepSynth.Compliance.Metadata;
using ZhaoPinCopilot.Data;
using ZhaoPinCopilot.Infrastructure;

namespace ZhaoPinCopilot.Background;

public sealed record SpeechPromptRequest(Guid AssetId, Guid InterviewId, string QuestionText, string RequestedBy);

public sealed class SpeechPromptQueue
{
    private readonly Channel<SpeechPromptRequest> _channel = Channel.CreateBounded<SpeechPromptRequest>(
        new BoundedChannelOptions(200) { FullMode = BoundedChannelFullMode.Wait, SingleReader = true });

    public int Pending => _channel.Reader.Count;

    public ValueTask EnqueueAsync(SpeechPromptRequest request, CancellationToken ct = default) =>
        _channel.Writer.WriteAsync(request, ct);

    public IAsyncEnumerable<SpeechPromptRequest> ReadAllAsync(CancellationToken ct) => _channel.Reader.ReadAllAsync(ct);
}

/// <summary>Turns interview questions into spoken prompts for the video-interview room.</summary>
public sealed class SpeechPromptWorker(
    SpeechPromptQueue queue,
    IServiceScopeFactory scopes,
    IZhipuApiClient zhipu,
    IAudioLabeler audioLabeler,
    IAigcFileLabeler fileLabeler,
    MinioAssetStore store,
    ILogger<SpeechPromptWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var request in queue.ReadAllAsync(stoppingToken))
        {
            try
            {
                await ProcessAsync(request, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Speech prompt {AssetId} failed", request.AssetId);
                await SetStatusAsync(request.AssetId, "failed", 0, null, stoppingToken);
            }
        }
    }

    private async Task ProcessAsync(SpeechPromptRequest request, CancellationToken ct)
    {
        var wav = await zhipu.SynthesizeSpeechAsync(request.QuestionText, ct);

        var key = $"prompts/{request.AssetId:N}.wav";
        var withCue = audioLabeler.LabelWav(wav, ct);
        var labeled = fileLabeler.Label(withCue, new FileLabelRequest { FileName = key }, ct);

        await store.PutAsync(key, labeled, "audio/wav", ct);
        await SetStatusAsync(request.AssetId, "ready", labeled.Length, zhipu.SpeechModel, ct);
        logger.LogInformation("Speech prompt {AssetId} ready ({Bytes} bytes)", request.AssetId, labeled.Length);
    }

    private async Task SetStatusAsync(Guid assetId, string status, long size, string? model, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RecruitingDbContext>();
        var asset = await db.MediaAssets.FindAsync([assetId], ct);
        if (asset is null) return;

        asset.Status = status;
        asset.Size = size;
        asset.Model = model ?? asset.Model;
        await db.SaveChangesAsync(ct);
    }
}
