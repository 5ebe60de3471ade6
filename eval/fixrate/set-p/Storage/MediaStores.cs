using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Sas;
using ClipForge.Configuration;
using Microsoft.Extensions.Options;
using Minio;
using Minio.DataModel.Args;

namespace ClipForge.Storage;

/// <summary>Cover images and thumbnails, kept in the MinIO cluster.</summary>
public interface IImageStore
{
    Task PutAsync(string key, byte[] content, string contentType, CancellationToken ct);
    Task<byte[]?> GetAsync(string key, CancellationToken ct);
    Task<string> GetPresignedUrlAsync(string key, CancellationToken ct);
}

/// <summary>Voice-over audio, kept in Azure Blob Storage.</summary>
public interface IAudioStore
{
    Task<Uri> UploadAsync(string blobName, byte[] content, string contentType, CancellationToken ct);
    Task<byte[]?> DownloadAsync(string blobName, CancellationToken ct);
    Uri GetReadUri(string blobName, TimeSpan lifetime);
}

internal sealed class MinioImageStore(IMinioClient minio, IOptions<StorageOptions> options, ILogger<MinioImageStore> logger) : IImageStore
{
    private readonly MinioOptions _options = options.Value.Minio;
    private volatile bool _bucketChecked;

    public async Task PutAsync(string key, byte[] content, string contentType, CancellationToken ct)
    {
        await EnsureBucketAsync(ct);
        using var stream = new MemoryStream(content, writable: false);
        await minio.PutObjectAsync(new PutObjectArgs()
            .WithBucket(_options.Bucket)
            .WithObject(key)
            .WithStreamData(stream)
            .WithObjectSize(content.Length)
            .WithContentType(contentType), ct);
    }

    public async Task<byte[]?> GetAsync(string key, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        try
        {
            await minio.GetObjectAsync(new GetObjectArgs()
                .WithBucket(_options.Bucket)
                .WithObject(key)
                .WithCallbackStream(s => s.CopyTo(buffer)), ct);
        }
        catch (Minio.Exceptions.ObjectNotFoundException)
        {
            logger.LogWarning("Object {Key} not found in bucket {Bucket}", key, _options.Bucket);
            return null;
        }
        return buffer.ToArray();
    }

    public Task<string> GetPresignedUrlAsync(string key, CancellationToken ct) =>
        minio.PresignedGetObjectAsync(new PresignedGetObjectArgs()
            .WithBucket(_options.Bucket)
            .WithObject(key)
            .WithExpiry(_options.PresignedUrlMinutes * 60));

    private async Task EnsureBucketAsync(CancellationToken ct)
    {
        if (_bucketChecked)
        {
            return;
        }
        var exists = await minio.BucketExistsAsync(new BucketExistsArgs().WithBucket(_options.Bucket), ct);
        if (!exists)
        {
            await minio.MakeBucketAsync(new MakeBucketArgs().WithBucket(_options.Bucket), ct);
        }
        _bucketChecked = true;
    }
}

internal sealed class AzureBlobAudioStore : IAudioStore
{
    private readonly BlobContainerClient _container;

    public AzureBlobAudioStore(BlobServiceClient service, IOptions<StorageOptions> options)
    {
        _container = service.GetBlobContainerClient(options.Value.AudioContainer);
    }

    public async Task<Uri> UploadAsync(string blobName, byte[] content, string contentType, CancellationToken ct)
    {
        await _container.CreateIfNotExistsAsync(PublicAccessType.None, cancellationToken: ct);
        var blob = _container.GetBlobClient(blobName);
        await blob.UploadAsync(BinaryData.FromBytes(content), new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = contentType, CacheControl = "private, max-age=3600" }
        }, ct);
        return GetReadUri(blobName, TimeSpan.FromHours(2));
    }

    public async Task<byte[]?> DownloadAsync(string blobName, CancellationToken ct)
    {
        var blob = _container.GetBlobClient(blobName);
        if (!await blob.ExistsAsync(ct))
        {
            return null;
        }
        var result = await blob.DownloadContentAsync(ct);
        return result.Value.Content.ToArray();
    }

    public Uri GetReadUri(string blobName, TimeSpan lifetime)
    {
        var blob = _container.GetBlobClient(blobName);
        return blob.CanGenerateSasUri
            ? blob.GenerateSasUri(BlobSasPermissions.Read, DateTimeOffset.UtcNow.Add(lifetime))
            : blob.Uri;
    }
}
