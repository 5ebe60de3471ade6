using System.Security.Claims;
using DeepSynth.Compliance;
using DeepSynth.Compliance.Audit;
using DeepSynth.Compliance.Imaging;
using DeepSynth.Compliance.Metadata;
using DeepSynth.Compliance.Review;
using OpenAI.Images;

namespace ChatService.Endpoints;

/// <summary>Image generation endpoints.</summary>
public static class ImageEndpoints
{
    public static IEndpointRouteBuilder MapImageEndpoints(this IEndpointRouteBuilder app)
    {
        // NOT COMPLIANT (deliberately): the generated PNG is served as the model returned it, with no visible label and
        // no AIGC metadata. Expected: DSYN004 at GenerateImageAsync; DSYN001, DSYN002, DSYN003, DSYN005 at Results.File.
        app.MapPost("/api/images/raw", async (ChatRequest request, ImageClient images, CancellationToken cancellationToken) =>
        {
            GeneratedImage image = await images.GenerateImageAsync(request.Prompt, cancellationToken: cancellationToken);
            return Results.File(image.ImageBytes.ToArray(), "image/png");
        });

        // COMPLIANT: real-name required; the prompt and the model's revised prompt (the description of what it drew)
        // are reviewed; the image gets a visible label and the AIGC metadata block; the generation is recorded.
        app.MapPost("/api/images", async (ChatRequest request, ClaimsPrincipal user, ImageClient images, IContentReviewer review,
            IVisibleImageLabeler visible, IAigcFileLabeler metadata, ISynthesisAuditLog audit, CancellationToken cancellationToken) =>
        {
            var prompt = await review.EnsureAllowedAsync(request.Prompt, ReviewStage.Input, cancellationToken);
            GeneratedImage image = await images.GenerateImageAsync(prompt, cancellationToken: cancellationToken);
            await review.EnsureAllowedAsync(image.RevisedPrompt ?? prompt, ReviewStage.Output, cancellationToken);
            var labeled = metadata.Label(visible.Label(image.ImageBytes.ToArray(), cancellationToken), cancellationToken: cancellationToken);
            await audit.RecordAsync(labeled, new GenerationRecord { UserId = user.FindFirstValue(ClaimTypes.NameIdentifier), Kind = GeneratedMediaKind.Image }, cancellationToken);
            return Results.File(labeled, "image/png");
        }).RequireRealName();

        return app;
    }
}
