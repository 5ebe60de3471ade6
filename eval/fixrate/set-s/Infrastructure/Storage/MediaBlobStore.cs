using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Sas;
using Microsoft.Extensions.Options;

namespace HuoPin.Live.Infrastructure.Storage;

public sealed class MediaStorageOptions
{
    public string ContainerName { get; set; } = "huopin-media";
    public TimeSpan SasLifetime { get; set; } = TimeSpan.FromHours(6);
}

public sealed record StoredMedia(string BlobName, Uri ReadUri, long Size, string ContentType);

public sealed record MediaListing(string BlobName, long? Size, string? ContentType, DateTimeOffset? LastModified);

public interface IMediaBlobStore
{
    Task<StoredMedia> UploadAsync(string merchantId, string folder, byte[] content, string contentType, CancellationToken ct);
    Uri GetReadUri(string blobName);
    Task<(BinaryData Content, string ContentType)?> DownloadAsync(string blobName, CancellationToken ct);
    IAsyncEnumerable<MediaListing> ListAsync(string merchantId, CancellationToken ct);
}

public sealed class AzureMediaBlobStore(BlobServiceClient blobService, IOptions<MediaStorageOptions> options, ILogger<AzureMediaBlobStore> logger)
    : IMediaBlobStore
{
    private BlobContainerClient Container => blobService.GetBlobContainerClient(options.Value.ContainerName);

    public async Task<StoredMedia> UploadAsync(string merchantId, string folder, byte[] content, string contentType, CancellationToken ct)
    {
        var extension = contentType switch
        {
            "image/png" => ".png",
            "image/jpeg" => ".jpg",
            "audio/wav" => ".wav",
            "audio/mpeg" => ".mp3",
            _ => ".bin",
        };
        var blobName = $"{merchantId}/{folder}/{DateTime.UtcNow:yyyyMMdd}/{Guid.NewGuid():N}{extension}";
        var blob = Container.GetBlobClient(blobName);

        await blob.UploadAsync(BinaryData.FromBytes(content), new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = contentType, CacheControl = "public, max-age=86400" },
            Metadata = new Dictionary<string, string> { ["merchant"] = merchantId, ["folder"] = folder },
        }, ct);

        logger.LogInformation("Stored {Bytes} bytes at {BlobName}", content.Length, blobName);
        return new StoredMedia(blobName, GetReadUri(blobName), content.Length, contentType);
    }

    public Uri GetReadUri(string blobName)
    {
        var blob = Container.GetBlobClient(blobName);
        return blob.CanGenerateSasUri
            ? blob.GenerateSasUri(BlobSasPermissions.Read, DateTimeOffset.UtcNow.Add(options.Value.SasLifetime))
            : blob.Uri;
    }

    public async Task<(BinaryData Content, string ContentType)?> DownloadAsync(string blobName, CancellationToken ct)
    {
        try
        {
            var result = await Container.GetBlobClient(blobName).DownloadContentAsync(ct);
            return (result.Value.Content, result.Value.Details.ContentType ?? "application/octet-stream");
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    public async IAsyncEnumerable<MediaListing> ListAsync(string merchantId, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var item in Container.GetBlobsAsync(BlobTraits.None, BlobStates.None, $"{merchantId}/", ct))
        {
            yield return new MediaListing(item.Name, item.Properties.ContentLength, item.Properties.ContentType, item.Properties.LastModified);
        }
    }
}
