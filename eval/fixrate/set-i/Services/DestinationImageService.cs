using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using OpenAI.Images;
using TripPal.Data;
using TripPal.Models;
using TripPal.Options;

namespace TripPal.Services;

public interface IDestinationImageStore
{
    void Save(StoredImage image);
    StoredImage? Find(Guid id);
    IReadOnlyList<StoredImage> ForDestination(string slug);
}

public sealed class InMemoryDestinationImageStore : IDestinationImageStore
{
    private readonly ConcurrentDictionary<Guid, StoredImage> _images = new();

    public void Save(StoredImage image) => _images[image.Id] = image;
    public StoredImage? Find(Guid id) => _images.GetValueOrDefault(id);
    public IReadOnlyList<StoredImage> ForDestination(string slug) =>
        _images.Values.Where(i => i.DestinationSlug == slug).OrderByDescending(i => i.CreatedAt).ToList();
}

public sealed class DestinationImageService(ImageClient images, IDestinationImageStore store, TravelCatalog catalog, IOptions<OpenAiSettings> options)
{
    private static readonly Dictionary<string, string> Styles = new(StringComparer.OrdinalIgnoreCase)
    {
        ["photo"] = "golden-hour travel photograph",
        ["poster"] = "vintage travel poster with bold flat colours",
        ["watercolor"] = "soft watercolour illustration",
    };

    public async Task<StoredImage?> GenerateAsync(string slug, string? style, CancellationToken cancellationToken)
    {
        if (catalog.FindDestination(slug) is not { } destination)
            return null;

        var look = style is not null && Styles.TryGetValue(style, out var chosen) ? chosen : Styles["photo"];
        var prompt = $"A {look} of {destination.Name}, {destination.Country}, showing {destination.Highlights[0]}. No text, no logos.";
        var generation = new ImageGenerationOptions { Size = GeneratedImageSize.W1792xH1024, ResponseFormat = GeneratedImageFormat.Bytes };
        GeneratedImage image = await images.GenerateImageAsync(prompt, generation, cancellationToken);

        var stored = new StoredImage(Guid.NewGuid(), destination.Slug, image.ImageBytes.ToArray(), "image/png", options.Value.ImageModel, DateTimeOffset.UtcNow);
        store.Save(stored);
        return stored;
    }
}
