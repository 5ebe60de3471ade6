using System.Threading.Channels;
using DeepSynth.Compliance.Labeling;
using Microsoft.EntityFrameworkCore;
using PeiFu.Claims.AI;
using PeiFu.Claims.Data;
using PeiFu.Claims.Grains;
using PeiFu.Claims.Notifications;
using PeiFu.Claims.Storage;

namespace PeiFu.Claims.Workers;

public sealed record PhotoJob(Guid PhotoId, string ClaimId, int Attempt = 1);

public interface IPhotoDescriptionQueue
{
    ValueTask EnqueueAsync(PhotoJob job, CancellationToken ct);
    IAsyncEnumerable<PhotoJob> ReadAllAsync(CancellationToken ct);
    int Pending { get; }
}

public sealed class PhotoDescriptionQueue : IPhotoDescriptionQueue
{
    private readonly Channel<PhotoJob> _channel = Channel.CreateBounded<PhotoJob>(new BoundedChannelOptions(500)
    {
        FullMode = BoundedChannelFullMode.Wait,
        SingleReader = true
    });

    public ValueTask EnqueueAsync(PhotoJob job, CancellationToken ct) => _channel.Writer.WriteAsync(job, ct);
    public IAsyncEnumerable<PhotoJob> ReadAllAsync(CancellationToken ct) => _channel.Reader.ReadAllAsync(ct);
    public int Pending => _channel.Reader.Count;
}

/// <summary>Describes uploaded damage photos with the local vision model so adjusters see a first-pass note.</summary>
public sealed class PhotoDescriptionWorker(
    IPhotoDescriptionQueue queue,
    IServiceScopeFactory scopes,
    IGrainFactory grains,
    ILogger<PhotoDescriptionWorker> logger) : BackgroundService
{
    private const int MaxAttempts = 3;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var job in queue.ReadAllAsync(stoppingToken))
        {
            try
            {
                await ProcessAsync(job, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Describing photo {PhotoId} failed (attempt {Attempt})", job.PhotoId, job.Attempt);
                if (job.Attempt < MaxAttempts)
                {
                    await Task.Delay(TimeSpan.FromSeconds(5 * job.Attempt), stoppingToken);
                    await queue.EnqueueAsync(job with { Attempt = job.Attempt + 1 }, stoppingToken);
                }
                else
                {
                    await MarkFailedAsync(job, ex.Message, stoppingToken);
                }
            }
        }
    }

    private async Task ProcessAsync(PhotoJob job, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ClaimsDbContext>();
        var store = scope.ServiceProvider.GetRequiredService<IDocumentStore>();
        var local = scope.ServiceProvider.GetRequiredService<ILocalModelService>();
        var push = scope.ServiceProvider.GetRequiredService<IPushNotifier>();
        var labeler = scope.ServiceProvider.GetRequiredService<IAigcTextLabeler>();

        var photo = await db.ClaimPhotos.FirstOrDefaultAsync(p => p.Id == job.PhotoId, ct);
        if (photo is null) return;
        var claim = await db.Claims.AsNoTracking().FirstAsync(c => c.Id == job.ClaimId, ct);

        photo.Status = PhotoStatus.Describing;
        await db.SaveChangesAsync(ct);

        var bytes = await store.GetBytesAsync(photo.ObjectKey, ct)
                    ?? throw new FileNotFoundException($"Photo object {photo.ObjectKey} is missing");

        var result = await local.DescribeDamagePhotoAsync(bytes, claim.IncidentType, ct);

        photo.DamageDescription = result.Text;
        photo.DescriptionModel = result.Model;
        photo.Status = PhotoStatus.Described;
        photo.DescribedAt = DateTimeOffset.UtcNow;
        db.ModelUsage.Add(new ModelUsage
        {
            Feature = "photo-description",
            Model = result.Model,
            InputTokens = result.PromptTokens ?? 0,
            OutputTokens = result.EvalTokens ?? 0,
            At = DateTimeOffset.UtcNow
        });
        await db.SaveChangesAsync(ct);

        await grains.GetGrain<IClaimSessionGrain>(claim.Id).AddPhotoNoteAsync(photo.Id, result.Text);

        var customer = await db.Customers.AsNoTracking().FirstOrDefaultAsync(c => c.CustomerId == claim.CustomerId, ct);
        if (customer?.PushToken is { Length: > 0 } token)
        {
            var preview = result.Text.Length > 80 ? result.Text[..80] + "…" : result.Text;
            await push.NotifyAsync(token, "现场照片已初步识别", labeler.Label(preview),
                new Dictionary<string, string> { ["claimId"] = claim.Id, ["photoId"] = photo.Id.ToString() }, ct);
        }
    }

    private async Task MarkFailedAsync(PhotoJob job, string reason, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ClaimsDbContext>();
        var photo = await db.ClaimPhotos.FirstOrDefaultAsync(p => p.Id == job.PhotoId, ct);
        if (photo is null) return;
        photo.Status = PhotoStatus.Failed;
        photo.FailureReason = reason.Length > 500 ? reason[..500] : reason;
        await db.SaveChangesAsync(ct);
    }
}
