using System.ClientModel;
using DeepSynth.Compliance;
using DeepSynth.Compliance.Audit;
using DeepSynth.Compliance.Imaging;
using DeepSynth.Compliance.Labeling;
using DeepSynth.Compliance.Metadata;
using DeepSynth.Compliance.Review;
using Microsoft.AspNetCore.Mvc;
using OpenAI.Images;

namespace PosterStudio.Api;

public sealed record PosterRequest(string Prompt, string Size = "1024x1024");

/// <summary>Our wrapper over the cloud provider's image moderation (porn/terror/politics).</summary>
public interface IImageModeration
{
    [ContentReviewer]
    Task EnsureSafeAsync(byte[] image, CancellationToken cancellationToken = default);
}

[ApiController]
[Route("api/posters")]
public sealed class PostersController : ControllerBase
{
    private readonly ImageClient _images;
    private readonly IContentReviewer _reviewer;
    private readonly IImageModeration _imageModeration;
    private readonly IVisibleImageLabeler _visibleLabel;
    private readonly IAigcFileLabeler _fileLabel;
    private readonly IAigcTextLabeler _textLabel;
    private readonly ISynthesisAuditLog _audit;

    public PostersController(ImageClient images, IContentReviewer reviewer, IImageModeration imageModeration,
        IVisibleImageLabeler visibleLabel, IAigcFileLabeler fileLabel, IAigcTextLabeler textLabel, ISynthesisAuditLog audit)
    {
        _images = images;
        _reviewer = reviewer;
        _imageModeration = imageModeration;
        _visibleLabel = visibleLabel;
        _fileLabel = fileLabel;
        _textLabel = textLabel;
        _audit = audit;
    }

    private static ImageGenerationOptions Options() => new()
    {
        Size = GeneratedImageSize.W1024xH1024,
        Quality = GeneratedImageQuality.High,
        ResponseFormat = GeneratedImageFormat.Bytes,
    };

    [HttpPost("draft")]
    public async Task<IActionResult> Draft(PosterRequest request)
    {
        ClientResult<GeneratedImage> result = await _images.GenerateImageAsync(request.Prompt, Options()); // expect: DSYN004
        return File(result.Value.ImageBytes.ToArray(), "image/png"); // expect: DSYN001, DSYN002, DSYN003, DSYN005
    }

    [HttpPost("final")]
    [RequireRealName]
    public async Task<IActionResult> Final(PosterRequest request, CancellationToken ct)
    {
        var prompt = await _reviewer.EnsureAllowedAsync(request.Prompt, ReviewStage.Input, ct);
        GeneratedImage image = await _images.GenerateImageAsync(prompt, Options(), ct);
        var bytes = image.ImageBytes.ToArray();
        await _imageModeration.EnsureSafeAsync(bytes, ct);
        var labeled = _fileLabel.Label(_visibleLabel.Label(bytes, ct), cancellationToken: ct);
        await _audit.RecordAsync(labeled, new GenerationRecord { Kind = GeneratedMediaKind.Image, Model = "gpt-image-1" }, ct);
        return File(labeled, "image/png", "poster.png");
    }

    // "The page shows the AI notice above the image", so only the text notice was added, in a header.
    [HttpPost("preview")]
    [RequireRealName]
    public async Task<IActionResult> Preview(PosterRequest request, CancellationToken ct)
    {
        var prompt = await _reviewer.EnsureAllowedAsync(request.Prompt, ReviewStage.Input, ct);
        GeneratedImage image = await _images.GenerateImageAsync(prompt, Options(), ct);
        var bytes = image.ImageBytes.ToArray();
        await _imageModeration.EnsureSafeAsync(bytes, ct);
        await _audit.RecordAsync(bytes, new GenerationRecord { Kind = GeneratedMediaKind.Image }, ct);
        Response.Headers["X-AIGC-Notice"] = Uri.EscapeDataString(_textLabel.Notice);
        return File(bytes, "image/png"); // expect: DSYN001
    }
}
