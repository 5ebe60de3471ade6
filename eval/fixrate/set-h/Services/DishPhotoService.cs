using MenuMuse.Models;
using MenuMuse.Options;
using Microsoft.Extensions.Options;
using OpenAI.Images;

namespace MenuMuse.Services;

public interface IDishPhotoService
{
    Task<BinaryData> RenderPreviewAsync(Dish dish, string? style, CancellationToken cancellationToken);
    Task<DishPhoto> GenerateAndSaveAsync(Dish dish, string? style, CancellationToken cancellationToken);
    string PathFor(DishPhoto photo);
}

public sealed class DishPhotoService(ImageClient images, IOptions<PhotoStorageOptions> storage, IOptions<OpenAiOptions> openAi, ILogger<DishPhotoService> logger)
    : IDishPhotoService
{
    private readonly PhotoStorageOptions _storage = storage.Value;

    public async Task<BinaryData> RenderPreviewAsync(Dish dish, string? style, CancellationToken cancellationToken)
    {
        var options = new ImageGenerationOptions { Size = GeneratedImageSize.W1024xH1024, Quality = GeneratedImageQuality.LowQuality };
        GeneratedImage image = await images.GenerateImageAsync(BuildPrompt(dish, style), options, cancellationToken);
        return image.ImageBytes;
    }

    public async Task<DishPhoto> GenerateAndSaveAsync(Dish dish, string? style, CancellationToken cancellationToken)
    {
        var prompt = BuildPrompt(dish, style);
        var options = new ImageGenerationOptions { Size = GeneratedImageSize.W1536xH1024, Quality = GeneratedImageQuality.MediumQuality };
        GeneratedImage image = await images.GenerateImageAsync(prompt, options, cancellationToken);

        var id = Guid.NewGuid();
        var photo = new DishPhoto(id, dish.Id, dish.Name, $"{dish.MerchantId}-{dish.Id}-{id:N}.png", prompt, openAi.Value.ImageModel, DateTimeOffset.UtcNow);
        Directory.CreateDirectory(_storage.Directory);
        await File.WriteAllBytesAsync(PathFor(photo), image.ImageBytes.ToArray(), cancellationToken);

        logger.LogInformation("Saved photo {PhotoId} for dish {DishId}", photo.Id, dish.Id);
        return photo;
    }

    public string PathFor(DishPhoto photo) => Path.GetFullPath(Path.Combine(_storage.Directory, photo.FileName));

    private string BuildPrompt(Dish dish, string? style) =>
        $"Professional food photograph of \"{dish.Name}\" ({dish.Ingredients}), {style ?? _storage.DefaultStyle}. No text, no logos, no people.";
}
