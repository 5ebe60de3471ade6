// Image studio: a poster endpoint that re-encodes labeled images, and an export with a "no watermark" option.
using System.Security.Claims;
using DeepSynth.Compliance;
using DeepSynth.Compliance.Export;
using DeepSynth.Compliance.Metadata;
using Microsoft.AspNetCore.Mvc;
using OpenAI.Images;
using SkiaSharp;

[ApiController]
[Route("api/studio")]
[RequireRealName]
public class StudioController(ImageClient images, IAigcFileLabeler labeler, IUnlabeledExportGate gate) : ControllerBase
{
    [HttpPost("poster")]
    public async Task<IActionResult> Poster(CancellationToken ct)
    {
        GeneratedImage image = await images.GenerateImageAsync("城市夜景海报", cancellationToken: ct);
        var labeled = labeler.Label(image.ImageBytes.ToArray(), new FileLabelRequest { AddExplicitLabel = true });
        StudioChecks.Review(labeled);
        StudioChecks.Record(labeled);
        using var bitmap = SKBitmap.Decode(labeled);
        var output = new MemoryStream();
        bitmap.Encode(output, SKEncodedImageFormat.Jpeg, 88); // expect: DSYN007
        return File(output.ToArray(), "image/jpeg");
    }

    [HttpPost("poster-fixed")]
    public async Task<IActionResult> PosterFixed(CancellationToken ct)
    {
        GeneratedImage image = await images.GenerateImageAsync("城市夜景海报", cancellationToken: ct);
        var labeled = labeler.Label(image.ImageBytes.ToArray(), new FileLabelRequest { AddExplicitLabel = true });
        StudioChecks.Review(labeled);
        StudioChecks.Record(labeled);
        using var bitmap = SKBitmap.Decode(labeled);
        using var data = SKImage.FromBitmap(bitmap).Encode(SKEncodedImageFormat.Jpeg, 88);
        return File(labeler.Label(data.ToArray()), "image/jpeg");
    }

    [HttpPost("export")]
    public async Task<IActionResult> Export([FromQuery] bool noWatermark, CancellationToken ct)
    {
        GeneratedImage image = await images.GenerateImageAsync("产品渲染图", cancellationToken: ct);
        var bytes = image.ImageBytes.ToArray();
        StudioChecks.Review(bytes);
        StudioChecks.Record(bytes);
        if (noWatermark)
        {
            return File(bytes, "image/png"); // expect: DSYN009
        }

        return File(labeler.Label(bytes, new FileLabelRequest { AddExplicitLabel = true }), "image/png");
    }

    [HttpPost("export-gated")]
    public async Task<IActionResult> ExportGated([FromQuery] bool noWatermark, CancellationToken ct)
    {
        GeneratedImage image = await images.GenerateImageAsync("产品渲染图", cancellationToken: ct);
        var bytes = image.ImageBytes.ToArray();
        StudioChecks.Review(bytes);
        StudioChecks.Record(bytes);
        if (noWatermark)
        {
            await gate.AuthorizeAsync(User.FindFirstValue(ClaimTypes.NameIdentifier)!, "render-1", ct);
            return File(labeler.Label(bytes), "image/png");
        }

        return File(labeler.Label(bytes, new FileLabelRequest { AddExplicitLabel = true }), "image/png");
    }
}

public static class StudioChecks
{
    [ContentReviewer] public static void Review(byte[] image) { }
    [SynthesisAuditor] public static void Record(byte[] image) { }
}
