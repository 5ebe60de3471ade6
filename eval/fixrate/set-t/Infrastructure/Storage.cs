using System.Text.Json;
using Microsoft.Extensions.Options;
using Minio;
using Minio.DataModel.Args;
using Minio.Exceptions;
using StackExchange.Redis;

namespace ZhaoPinCopilot.Infrastructure;

public sealed class MinioOptions
{
    public string Endpoint { get; set; } = "localhost:9000";
    public string AccessKey { get; set; } = "";
    public string SecretKey { get; set; } = "";
    public bool UseSsl { get; set; }
    public string Bucket { get; set; } = "zhaopin-media";
}

public sealed record StoredObject(byte[] Content, string ContentType, long Size);

/// <summary>Resumes, brand images and spoken prompts live in one bucket, split by key prefix.</summary>
public sealed class MinioAssetStore(IMinioClient minio, IOptions<MinioOptions> options, ILogger<MinioAssetStore> logger)
{
    private readonly string _bucket = options.Value.Bucket;
    private volatile bool _bucketChecked;

    public async Task PutAsync(string key, byte[] content, string contentType, CancellationToken ct = default)
    {
        await EnsureBucketAsync(ct);
        using var stream = new MemoryStream(content, writable: false);
        await minio.PutObjectAsync(new PutObjectArgs()
            .WithBucket(_bucket)
            .WithObject(key)
            .WithStreamData(stream)
            .WithObjectSize(content.Length)
            .WithContentType(contentType), ct);
        logger.LogInformation("Stored {Key} ({Bytes} bytes)", key, content.Length);
    }

    public async Task<StoredObject?> GetAsync(string key, CancellationToken ct = default)
    {
        using var buffer = new MemoryStream();
        try
        {
            var stat = await minio.GetObjectAsync(new GetObjectArgs()
                .WithBucket(_bucket)
                .WithObject(key)
                .WithCallbackStream(async (stream, token) => await stream.CopyToAsync(buffer, token)), ct);
            return new StoredObject(buffer.ToArray(), stat.ContentType ?? "application/octet-stream", stat.Size);
        }
        catch (ObjectNotFoundException)
        {
            return null;
        }
    }

    public Task<string> GetDownloadUrlAsync(string key, TimeSpan lifetime) =>
        minio.PresignedGetObjectAsync(new PresignedGetObjectArgs()
            .WithBucket(_bucket)
            .WithObject(key)
            .WithExpiry((int)lifetime.TotalSeconds));

    private async Task EnsureBucketAsync(CancellationToken ct)
    {
        if (_bucketChecked)
        {
            return;
        }

        if (!await minio.BucketExistsAsync(new BucketExistsArgs().WithBucket(_bucket), ct))
        {
            await minio.MakeBucketAsync(new MakeBucketArgs().WithBucket(_bucket), ct);
        }

        _bucketChecked = true;
    }
}

public sealed record CachedJobPosting(
    Guid Id,
    string Title,
    string Department,
    string City,
    string SalaryRange,
    string Description,
    DateTime PublishedAt);

/// <summary>Published postings are read far more often than written; the careers site reads from here first.</summary>
public sealed class PublishedJobCache(IConnectionMultiplexer redis)
{
    private static readonly TimeSpan Ttl = TimeSpan.FromHours(12);

    private static RedisKey Key(Guid id) => $"zp:job:{id:N}";

    public Task SetAsync(CachedJobPosting job) =>
        redis.GetDatabase().StringSetAsync(Key(job.Id), JsonSerializer.Serialize(job), Ttl);

    public async Task<CachedJobPosting?> GetAsync(Guid id)
    {
        var value = await redis.GetDatabase().StringGetAsync(Key(id));
        return value.IsNullOrEmpty ? null : JsonSerializer.Deserialize<CachedJobPosting>(value.ToString());
    }

    public Task RemoveAsync(Guid id) => redis.GetDatabase().KeyDeleteAsync(Key(id));
}

public sealed record FeedbackReportEvent(
    Guid InterviewId,
    string CandidateName,
    string JobTitle,
    string Report,
    string Model,
    DateTime GeneratedAt);

/// <summary>Fan-out of finished interview reports to every open recruiter dashboard (all app instances).</summary>
public sealed class FeedbackFeed(IConnectionMultiplexer redis, ILogger<FeedbackFeed> logger)
{
    private static readonly RedisChannel Channel = RedisChannel.Literal("zp:feedback-reports");

    public Task<long> PublishAsync(FeedbackReportEvent report) =>
        redis.GetSubscriber().PublishAsync(Channel, JsonSerializer.Serialize(report));

    public async Task<IAsyncDisposable> SubscribeAsync(Func<FeedbackReportEvent, Task> onReport)
    {
        var queue = await redis.GetSubscriber().SubscribeAsync(Channel);
        queue.OnMessage(async message =>
        {
            try
            {
                var report = JsonSerializer.Deserialize<FeedbackReportEvent>(message.Message.ToString());
                if (report is not null)
                {
                    await onReport(report);
                }
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Dropped a malformed feedback event");
            }
        });
        return new Subscription(queue);
    }

    private sealed class Subscription(ChannelMessageQueue queue) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await queue.UnsubscribeAsync();
    }
}
