// kind: program
// Held-out (DSYN007): an image service that makes thumbnails of generated images with SkiaSharp and ImageSharp.
using System.Security.Claims;
using DeepSynth.Compliance;
using DeepSynth.Compliance.Metadata;
using DeepSynth.Compliance.Review;
using DeepSynth.Compliance.Audit;
using OpenAI.Images;
using SkiaSharp;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddDeepSynthCompliance(o => builder.Configuration.GetSection("DeepSynth").Bind(o));
var app = builder.Build();

app.MapPost("/images/thumb", async (ImagePrompt request, ImageClient images, IAigcFileLabeler labeler, IContentReviewer review, ISynthesisAuditLog audit, ClaimsPrincipal user, CancellationToken ct) =>
{
    var prompt = await review.EnsureAllowedAsync(request.Prompt, ReviewStage.Input, ct);
    GeneratedImage image = await images.GenerateImageAsync(prompt, cancellationToken: ct);
    var png = labeler.Label(image.ImageBytes.ToArray(), new FileLabelRequest { AddExplicitLabel = true });
    await audit.RecordAsync(Convert.ToBase64String(png), new GenerationRecord { UserId = user.FindFirstValue(ClaimTypes.NameIdentifier), Model = "gpt-image-1" }, ct);
    ImageChecks.Approve(png);
    using var original = SKBitmap.Decode(png);
    using var resized = original.Resize(new SKImageInfo(320, 320), SKSamplingOptions.Default);
    using var encoded = SKImage.FromBitmap(resized).Encode(SKEncodedImageFormat.Jpeg, 82); // expect: DSYN007
    return Results.File(encoded.ToArray(), "image/jpeg");
}).RequireRealName();

app.MapPost("/images/thumb2", async (ImagePrompt request, ImageClient images, IAigcFileLabeler labeler, IContentReviewer review, ISynthesisAuditLog audit, ClaimsPrincipal user, CancellationToken ct) =>
{
    var prompt = await review.EnsureAllowedAsync(request.Prompt, ReviewStage.Input, ct);
    GeneratedImage image = await images.GenerateImageAsync(prompt, cancellationToken: ct);
    var png = labeler.Label(image.ImageBytes.ToArray(), new FileLabelRequest { AddExplicitLabel = true });
    await audit.RecordAsync(Convert.ToBase64String(png), new GenerationRecord { UserId = user.FindFirstValue(ClaimTypes.NameIdentifier), Model = "gpt-image-1" }, ct);
    ImageChecks.Approve(png);
    using var original = SKBitmap.Decode(png);
    using var resized = original.Resize(new SKImageInfo(320, 320), SKSamplingOptions.Default);
    using var encoded = SKImage.FromBitmap(resized).Encode(SKEncodedImageFormat.Jpeg, 82);
    return Results.File(labeler.Label(encoded.ToArray()), "image/jpeg");
}).RequireRealName();

app.MapPost("/images/thumb3", async (ImagePrompt request, ImageClient images, IAigcFileLabeler labeler, IContentReviewer review, ISynthesisAuditLog audit, ClaimsPrincipal user, CancellationToken ct) =>
{
    var prompt = await review.EnsureAllowedAsync(request.Prompt, ReviewStage.Input, ct);
    GeneratedImage image = await images.GenerateImageAsync(prompt, cancellationToken: ct);
    var png = labeler.Label(image.ImageBytes.ToArray(), new FileLabelRequest { AddExplicitLabel = true });
    await audit.RecordAsync(Convert.ToBase64String(png), new GenerationRecord { UserId = user.FindFirstValue(ClaimTypes.NameIdentifier), Model = "gpt-image-1" }, ct);
    ImageChecks.Approve(png);
    using var picture = SixLabors.ImageSharp.Image.Load(png);
    var output = new MemoryStream();
    SixLabors.ImageSharp.ImageExtensions.SaveAsJpeg(picture, output);
    return Results.File(output.ToArray(), "image/jpeg");
}).RequireRealName();

app.Run();

public record ImagePrompt(string Prompt);

public static class ImageChecks
{
    [ContentReviewer] public static void Approve(byte[] image) { }
}
