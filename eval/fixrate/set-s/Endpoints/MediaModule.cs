using System.Security.Claims;
using Carter;
using DeepSynth.Compliance;
using DeepSynth.Compliance.Audio;
using DeepSynth.Compliance.Audit;
using DeepSynth.Compliance.Metadata;
using DeepSynth.Compliance.Review;
using HuoPin.Live.Domain;
using HuoPin.Live.Infrastructure.Compliance;
using HuoPin.Live.Infrastructure.Storage;
using HuoPin.Live.Services;
using Marten;

namespace HuoPin.Live.Endpoints;

public sealed record SceneImageRequest(Guid ProductId, string Scene, bool AttachToProduct = true);
public sealed record VoiceOverRequest(string Script, string? Voice);
public sealed record NarrationRequest(Guid ProductId, int Seconds = 30, string? Voice = null);
public sealed record MediaResponse(string BlobName, string Url, long Size, string ContentType, string Model);

public sealed class MediaModule : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app)
    {
        var media = app.MapGroup("/api/media").RequireAuthorization("Merchant").WithTags("Media");
        media.MapGet("/", ListAsync);
        media.MapPost("/scene-images", RenderSceneImageAsync).RequireRealName();
        media.MapPost("/scene-images/wanx", RenderWanxImageAsync);
        media.MapPost("/voiceovers", SynthesizeVoiceOverAsync).RequireRealName();
        media.MapPost("/voiceovers/narration", NarrateProductAsync);

        // Storefront pages load stored images and audio through this proxy instead of SAS links.
        app.MapGet("/api/media/files/{**blobName}", ServeFileAsync).AllowAnonymous().WithTags("Media");
    }

    private static async Task<IResult> ListAsync(ClaimsPrincipal user, IMediaBlobStore store, CancellationToken ct)
    {
        var items = new List<MediaListing>();
        await foreach (var item in store.ListAsync(user.UserId(), ct))
        {
            items.Add(item);
            if (items.Count >= 200)
            {
                break;
            }
        }
        return Results.Ok(items);
    }

    private static async Task<IResult> RenderSceneImageAsync(
        SceneImageRequest request, ClaimsPrincipal user, IDocumentSession session, IMediaStudio studio, IMediaBlobStore store,
        IContentReviewer review, IAigcFileLabeler fileLabeler, ISynthesisAuditLog audit, CancellationToken ct)
    {
        var product = await session.LoadAsync<Product>(request.ProductId, ct);
        if (product is null || product.MerchantId != user.UserId())
        {
            return Results.NotFound();
        }

        var scene = await review.EnsureAllowedAsync(request.Scene, ReviewStage.Input, ct);
        var image = await studio.RenderSceneImageAsync(product, scene, ct);
        var allowed = await review.EnsureMediaAllowedAsync(image.Content, image.ContentType, ReviewStage.Output, ct);

        var labeled = fileLabeler.Label(allowed, new FileLabelRequest { AddExplicitLabel = true, FileName = "scene.png" }, ct);
        await audit.RecordAsync(labeled, new GenerationRecord
        {
            UserId = user.UserId(),
            Kind = GeneratedMediaKind.Image,
            Model = image.Model,
            ContentId = $"scene:{product.Id}",
        }, ct);

        var stored = await store.UploadAsync(product.MerchantId, "scenes", labeled, image.ContentType, ct);
        if (request.AttachToProduct)
        {
            product.SceneImageBlobs.Add(stored.BlobName);
            product.UpdatedAt = DateTimeOffset.UtcNow;
            session.Store(product);
            await session.SaveChangesAsync(ct);
        }

        return Results.Ok(new MediaResponse(stored.BlobName, stored.ReadUri.ToString(), stored.Size, stored.ContentType, image.Model));
    }

    private static async Task<IResult> RenderWanxImageAsync(
        SceneImageRequest request, ClaimsPrincipal user, IDocumentSession session, IMediaStudio studio, IMediaBlobStore store, CancellationToken ct)
    {
        var product = await session.LoadAsync<Product>(request.ProductId, ct);
        if (product is null || product.MerchantId != user.UserId())
        {
            return Results.NotFound();
        }

        var image = await studio.RenderWanxImageAsync(product, request.Scene, ct);
        var stored = await store.UploadAsync(product.MerchantId, "scenes", image.Content, image.ContentType, ct);
        if (request.AttachToProduct)
        {
            product.SceneImageBlobs.Add(stored.BlobName);
            product.UpdatedAt = DateTimeOffset.UtcNow;
            session.Store(product);
            await session.SaveChangesAsync(ct);
        }

        return Results.Ok(new MediaResponse(stored.BlobName, stored.ReadUri.ToString(), stored.Size, stored.ContentType, image.Model));
    }

    private static async Task<IResult> SynthesizeVoiceOverAsync(
        VoiceOverRequest request, ClaimsPrincipal user, IMediaStudio studio, IMediaBlobStore store,
        IAudioLabeler audioLabeler, IAigcFileLabeler fileLabeler, ISynthesisAuditLog audit, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.Script) || request.Script.Length > 2000)
        {
            return Results.BadRequest(new { error = "配音文本需在 1 到 2000 字之间" });
        }

        var speech = await studio.SynthesizeVoiceOverAsync(request.Script, request.Voice, ct);
        var withCue = audioLabeler.LabelWav(speech.Content, ct);
        var labeled = fileLabeler.Label(withCue, new FileLabelRequest { FileName = "voiceover.wav" }, ct);

        await audit.RecordAsync(labeled, new GenerationRecord
        {
            UserId = user.UserId(),
            Kind = GeneratedMediaKind.Audio,
            Model = speech.Model,
            Labeled = true,
        }, ct);

        var stored = await store.UploadAsync(user.UserId(), "voiceovers", labeled, speech.ContentType, ct);
        return Results.Ok(new MediaResponse(stored.BlobName, stored.ReadUri.ToString(), stored.Size, stored.ContentType, speech.Model));
    }

    private static async Task<IResult> NarrateProductAsync(
        NarrationRequest request, ClaimsPrincipal user, IQuerySession query, IMarketingCopyService copy, IMediaStudio studio, CancellationToken ct)
    {
        var product = await query.LoadAsync<Product>(request.ProductId, ct);
        if (product is null || product.MerchantId != user.UserId())
        {
            return Results.NotFound();
        }

        var narration = await copy.WriteNarrationAsync(product, Math.Clamp(request.Seconds, 10, 90), ct);
        var speech = await studio.SynthesizeVoiceOverAsync(narration.Text, request.Voice, ct);
        return Results.File(speech.Content, speech.ContentType, $"{product.Id:N}-narration.wav");
    }

    private static async Task<IResult> ServeFileAsync(string blobName, IMediaBlobStore store, CancellationToken ct)
    {
        if (blobName.Contains("..", StringComparison.Ordinal))
        {
            return Results.BadRequest();
        }

        var file = await store.DownloadAsync(blobName, ct);
        return file is null
            ? Results.NotFound()
            : Results.Stream(file.Value.Content.ToStream(), file.Value.ContentType);
    }
}
