using OpenAI;
using OpenAI.Images;

namespace WriterApp.Endpoints;

public static class ImageEndpoints
{
    public static void MapImageEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/images/cover", async (string description, OpenAIClient openAi) =>
        {
            ImageClient images = openAi.GetImageClient("gpt-image-1");
            GeneratedImage image = await images.GenerateImageAsync("Book cover: " + description);
            return Results.File(image.ImageBytes.ToArray(), "image/png");
        });
    }
}
