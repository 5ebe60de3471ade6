// Held-out (DSYN007): a controller that converts generated avatars through a helper, and strips a text label.
using System.Security.Claims;
using DeepSynth.Compliance;
using DeepSynth.Compliance.Labeling;
using DeepSynth.Compliance.Metadata;
using DeepSynth.Compliance.Review;
using DeepSynth.Compliance.Audit;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.AI;
using OpenAI.Images;
using SkiaSharp;

[ApiController]
[Route("api/avatars")]
[RequireRealName]
public class AvatarController(ImageClient images, IChatClient chat, IAigcFileLabeler files, IAigcTextLabeler texts, IContentReviewer review, ISynthesisAuditLog audit) : ControllerBase
{
    [HttpPost("webp")]
    public async Task<IActionResult> Webp([FromBody] AvatarRequest request, CancellationToken ct)
    {
        await review.EnsureAllowedAsync(request.Style, ReviewStage.Input, ct);
        GeneratedImage image = await images.GenerateImageAsync(request.Style, cancellationToken: ct);
        var labeled = files.Label(image.ImageBytes.ToArray());
        AvatarChecks.Approve(labeled);
        await audit.RecordAsync(Convert.ToBase64String(labeled), new GenerationRecord { UserId = User.FindFirstValue(ClaimTypes.NameIdentifier) }, ct);
        var webp = AvatarImages.ToWebp(labeled); // expect: DSYN007
        return File(webp, "image/webp");
    }

    [HttpPost("webp2")]
    public async Task<IActionResult> Webp2([FromBody] AvatarRequest request, CancellationToken ct)
    {
        await review.EnsureAllowedAsync(request.Style, ReviewStage.Input, ct);
        GeneratedImage image = await images.GenerateImageAsync(request.Style, cancellationToken: ct);
        var webp = files.Label(AvatarImages.ToWebp(image.ImageBytes.ToArray()));
        AvatarChecks.Approve(webp);
        await audit.RecordAsync(Convert.ToBase64String(webp), new GenerationRecord { UserId = User.FindFirstValue(ClaimTypes.NameIdentifier) }, ct);
        return File(webp, "image/webp");
    }

    [HttpPost("bio")]
    public async Task<IActionResult> Bio([FromBody] AvatarRequest request, CancellationToken ct)
    {
        var prompt = await review.EnsureAllowedAsync(request.Style, ReviewStage.Input, ct);
        var response = await chat.GetResponseAsync(prompt, cancellationToken: ct);
        var text = await review.EnsureAllowedAsync(response.Text, ReviewStage.Output, ct);
        await audit.RecordAsync(text, new GenerationRecord { UserId = User.FindFirstValue(ClaimTypes.NameIdentifier) }, ct);
        var shown = texts.Label(text);
        var copy = shown.Replace("【AI生成】", string.Empty); // expect: DSYN007
        return Ok(new { bio = copy });
    }
}

public record AvatarRequest(string Style);

public static class AvatarImages
{
    public static byte[] ToWebp(byte[] source)
    {
        using var bitmap = SKBitmap.Decode(source);
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Webp, 90);
        return data.ToArray();
    }
}

public static class AvatarChecks
{
    [ContentReviewer] public static void Approve(byte[] image) { }
}
