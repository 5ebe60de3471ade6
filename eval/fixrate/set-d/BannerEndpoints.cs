using LumenMarket.Models;
using OpenAI.Images;

namespace LumenMarket.Marketing;

public static class BannerEndpoints
{
    public static void MapBannerEndpoints(this WebApplication app)
    {
        var banners = app.MapGroup("/api/banners");
        banners.MapPost("/", GenerateBannerAsync);

        banners.MapPost("/link", async (BannerRequest request, ImageClient images, CancellationToken ct) =>
        {
            var options = new ImageGenerationOptions
            {
                Size = GeneratedImageSize.W1792xH1024,
                ResponseFormat = GeneratedImageFormat.Uri,
            };
            var result = await images.GenerateImageAsync($"Wide web shop hero banner for {request.ProductName}, theme: {request.Theme}", options, ct);
            return Results.Ok(new { url = result.Value.ImageUri, revisedPrompt = result.Value.RevisedPrompt });
        });
    }

    private static async Task<IResult> GenerateBannerAsync(BannerRequest request, ImageClient images, CancellationToken ct)
    {
        var prompt = $"Square social media banner for the product '{request.ProductName}'. Theme: {request.Theme}. " +
                     $"Style: {request.Style ?? "clean, bright studio photo"}. No text in the image.";
        GeneratedImage image = await images.GenerateImageAsync(prompt, new ImageGenerationOptions
        {
            Size = GeneratedImageSize.W1024xH1024,
            ResponseFormat = GeneratedImageFormat.Bytes,
        }, ct);

        var fileName = $"banner-{Slug(request.ProductName)}.png";
        return Results.File(image.ImageBytes.ToArray(), "image/png", fileName);
    }

    private static string Slug(string value) =>
        new string(value.ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) ? c : '-').ToArray()).Trim('-');
}
