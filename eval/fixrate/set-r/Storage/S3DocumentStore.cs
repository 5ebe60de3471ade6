using Amazon.S3;
using Amazon.S3.Model;
using Microsoft.Extensions.Options;

namespace PeiFu.Claims.Storage;

public sealed class StorageOptions
{
    public const string Section = "Storage";

    public string Bucket { get; set; } = "peifu-claims-documents";
    public int DownloadLinkMinutes { get; set; } = 15;
}

public sealed record StoredObject(Stream Content, string ContentType, long Length, DateTime? LastModified) : IAsyncDisposable
{
    public ValueTask DisposeAsync() => Content.DisposeAsync();
}

public interface IDocumentStore
{
    Task PutAsync(string key, byte[] content, string contentType, IReadOnlyDictionary<string, string>? metadata, CancellationToken ct);
    Task<StoredObject?> GetAsync(string key, CancellationToken ct);
    Task<byte[]?> GetBytesAsync(string key, CancellationToken ct);
    Task<(Uri Url, DateTimeOffset ExpiresAt)> GetDownloadUrlAsync(string key, TimeSpan? lifetime = null);
}

public sealed class S3DocumentStore(IAmazonS3 s3, IOptions<StorageOptions> options, ILogger<S3DocumentStore> logger) : IDocumentStore
{
    private readonly StorageOptions _options = options.Value;

    public async Task PutAsync(string key, byte[] content, string contentType, IReadOnlyDictionary<string, string>? metadata, CancellationToken ct)
    {
        using var stream = new MemoryStream(content, writable: false);
        var request = new PutObjectRequest
        {
            BucketName = _options.Bucket,
            Key = key,
            InputStream = stream,
            ContentType = contentType,
            AutoCloseStream = false
        };
        if (metadata is not null)
        {
            foreach (var (name, value) in metadata)
            {
                request.Metadata[name] = value;
            }
        }

        await s3.PutObjectAsync(request, ct);
        logger.LogInformation("Stored {Key} ({Bytes} bytes)", key, content.Length);
    }

    public async Task<StoredObject?> GetAsync(string key, CancellationToken ct)
    {
        try
        {
            var response = await s3.GetObjectAsync(_options.Bucket, key, ct);
            return new StoredObject(response.ResponseStream, response.Headers.ContentType, response.ContentLength, response.LastModified);
        }
        catch (AmazonS3Exception ex) when (ex.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public async Task<byte[]?> GetBytesAsync(string key, CancellationToken ct)
    {
        var stored = await GetAsync(key, ct);
        if (stored is null) return null;
        await using (stored)
        {
            using var buffer = new MemoryStream();
            await stored.Content.CopyToAsync(buffer, ct);
            return buffer.ToArray();
        }
    }

    public async Task<(Uri Url, DateTimeOffset ExpiresAt)> GetDownloadUrlAsync(string key, TimeSpan? lifetime = null)
    {
        var expires = DateTimeOffset.UtcNow.Add(lifetime ?? TimeSpan.FromMinutes(_options.DownloadLinkMinutes));
        var url = await s3.GetPreSignedURLAsync(new GetPreSignedUrlRequest
        {
            BucketName = _options.Bucket,
            Key = key,
            Verb = HttpVerb.GET,
            Expires = expires.UtcDateTime
        });
        return (new Uri(url), expires);
    }
}
