using System.Collections.Concurrent;
using MenuMuse.Data;
using MenuMuse.Models;
using MenuMuse.Services;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MenuMuse.Endpoints;

public static class PhotoEndpoints
{
    // TODO: persist photo metadata with the dish record once the catalog has a database.
    private static readonly ConcurrentDictionary<Guid, DishPhoto> Photos = new();

    public static void MapPhotoEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/photos").WithTags("Photos");
        group.MapPost("/preview", Preview);
        group.MapPost("/", Create);
        group.MapGet("/{photoId:guid}", GetFile).WithName("GetDishPhoto");
    }

    public static async Task<IResult> Preview(PhotoRequest request, MenuCatalog catalog, IDishPhotoService photos, CancellationToken cancellationToken)
    {
        if (catalog.FindDish(request.DishId) is not { } dish)
        {
            return Results.BadRequest($"Unknown dish {request.DishId}.");
        }

        BinaryData png = await photos.RenderPreviewAsync(dish, request.Style, cancellationToken);
        return Results.File(png.ToArray(), "image/png", $"preview-{dish.Id}.png");
    }

    public static async Task<Results<CreatedAtRoute<DishPhoto>, BadRequest<string>>> Create(
        PhotoRequest request, MenuCatalog catalog, IDishPhotoService photos, CancellationToken cancellationToken)
    {
        if (catalog.FindDish(request.DishId) is not { } dish)
        {
            return TypedResults.BadRequest($"Unknown dish {request.DishId}.");
        }

        var photo = await photos.GenerateAndSaveAsync(dish, request.Style, cancellationToken);
        Photos[photo.Id] = photo;
        return TypedResults.CreatedAtRoute(photo, "GetDishPhoto", new { photoId = photo.Id });
    }

    public static IResult GetFile(Guid photoId, IDishPhotoService photos) =>
        Photos.TryGetValue(photoId, out var photo)
            ? Results.File(photos.PathFor(photo), "image/png", lastModified: photo.CreatedAt)
            : Results.NotFound();
}
