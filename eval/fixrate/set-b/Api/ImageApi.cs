using OpenAI;
using OpenAI.Images;

namespace ShopAssist.Api;

public static class ImageApi
{
    public static RouteGroupBuilder MapImageApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/images");
        group.MapPost("/banner", async (string product, OpenAIClient client, CancellationToken cancellationToken) =>
        {
            var images = client.GetImageClient("dall-e-3");
            var options = new ImageGenerationOptions { ResponseFormat = GeneratedImageFormat.Bytes };
            GeneratedImage image = await images.GenerateImageAsync($"Banner for {product}", options, cancellationToken);
            byte[] png = image.ImageBytes.ToArray();
            return Results.File(png, "image/png", "banner.png");
        });
        return group;
    }
}
