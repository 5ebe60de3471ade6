// kind: program
// Held-out (DSYN009): an image export with a "raw" option (no visible label) for enterprise users.
using System.Security.Claims;
using DeepSynth.Compliance;
using DeepSynth.Compliance.Export;
using DeepSynth.Compliance.Metadata;
using DeepSynth.Compliance.Review;
using DeepSynth.Compliance.Audit;
using OpenAI.Images;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddDeepSynthCompliance(o => builder.Configuration.GetSection("DeepSynth").Bind(o));
var app = builder.Build();

app.MapPost("/export", async (ExportRequest request, ImageClient images, IAigcFileLabeler labeler, IContentReviewer review, ISynthesisAuditLog audit, ClaimsPrincipal user, CancellationToken ct) =>
{
    var prompt = await review.EnsureAllowedAsync(request.Prompt, ReviewStage.Input, ct);
    GeneratedImage image = await images.GenerateImageAsync(prompt, cancellationToken: ct);
    var bytes = image.ImageBytes.ToArray();
    ExportChecks.Approve(bytes);
    await audit.RecordAsync(Convert.ToBase64String(bytes), new GenerationRecord { UserId = user.FindFirstValue(ClaimTypes.NameIdentifier) }, ct);
    if (request.Raw)
    {
        return Results.File(bytes, "image/png"); // expect: DSYN009
    }

    return Results.File(labeler.Label(bytes, new FileLabelRequest { AddExplicitLabel = true }), "image/png");
}).RequireRealName();

app.MapPost("/export2", async (ExportRequest request, ImageClient images, IAigcFileLabeler labeler, IUnlabeledExportGate gate, IContentReviewer review, ISynthesisAuditLog audit, ClaimsPrincipal user, CancellationToken ct) =>
{
    var prompt = await review.EnsureAllowedAsync(request.Prompt, ReviewStage.Input, ct);
    GeneratedImage image = await images.GenerateImageAsync(prompt, cancellationToken: ct);
    var bytes = image.ImageBytes.ToArray();
    ExportChecks.Approve(bytes);
    await audit.RecordAsync(Convert.ToBase64String(bytes), new GenerationRecord { UserId = user.FindFirstValue(ClaimTypes.NameIdentifier) }, ct);
    if (request.Raw)
    {
        await gate.AuthorizeAsync(user.FindFirstValue(ClaimTypes.NameIdentifier)!, "img-1", ct);
        return Results.File(labeler.Label(bytes), "image/png");
    }

    return Results.File(labeler.Label(bytes, new FileLabelRequest { AddExplicitLabel = true }), "image/png");
}).RequireRealName();

app.MapPost("/export3", async (ExportRequest request, ImageClient images, IContentReviewer review, ISynthesisAuditLog audit, ClaimsPrincipal user, CancellationToken ct) =>
{
    var prompt = await review.EnsureAllowedAsync(request.Prompt, ReviewStage.Input, ct);
    GeneratedImage image = await images.GenerateImageAsync(prompt, cancellationToken: ct);
    var bytes = image.ImageBytes.ToArray();
    ExportChecks.Approve(bytes);
    await audit.RecordAsync(Convert.ToBase64String(bytes), new GenerationRecord { UserId = user.FindFirstValue(ClaimTypes.NameIdentifier) }, ct);
    return Results.File(bytes, "image/png"); // expect: DSYN001
}).RequireRealName();

app.Run();

public record ExportRequest(string Prompt, bool Raw);

public static class ExportChecks
{
    [ContentReviewer] public static void Approve(byte[] image) { }
}
