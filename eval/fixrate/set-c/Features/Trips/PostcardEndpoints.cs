using OpenAI;
using OpenAI.Images;

namespace TravelDesk.Features.Trips;

public static class PostcardEndpoints
{
    public static void MapPostcards(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/postcards", async (string destination, OpenAIClient openAi, CancellationToken cancellationToken) =>
        {
            var images = openAi.GetImageClient("gpt-image-1");
            GeneratedImage postcard = await images.GenerateImageAsync($"A vintage postcard of {destination}", cancellationToken: cancellationToken);
            return Results.File(postcard.ImageBytes.ToArray(), contentType: "image/png", fileDownloadName: $"{destination}.png");
        });
    }
}
