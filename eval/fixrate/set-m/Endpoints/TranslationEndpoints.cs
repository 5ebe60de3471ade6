using System.Security.Claims;
using FastEndpoints;
using MassTransit;
using ShopCopilot.Data;
using ShopCopilot.Models;
using ShopCopilot.Services;

namespace ShopCopilot.Endpoints;

public sealed class TranslateListingEndpoint(IPublishEndpoint bus, IContentStore store) : Endpoint<TranslateListingRequest, TranslationAccepted>
{
    private static readonly HashSet<string> Supported = ["en", "de", "fr", "es", "it", "ja", "ko", "pt", "ar", "ru"];

    public override void Configure()
    {
        Post("/api/listings/{ListingId}/translations");
        AllowAnonymous();
    }

    public override async Task HandleAsync(TranslateListingRequest req, CancellationToken ct)
    {
        if (!Supported.Contains(req.TargetLanguage))
        {
            AddError(r => r.TargetLanguage, $"Language '{req.TargetLanguage}' is not supported. Supported: {string.Join(", ", Supported)}");
            await Send.ErrorsAsync(cancellation: ct);
            return;
        }

        if (await store.GetListingAsync(req.ListingId, ct) is null)
        {
            await Send.NotFoundAsync(ct);
            return;
        }

        var jobId = NewId.NextGuid();
        var seller = User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "anonymous";
        await bus.Publish(new TranslateListing(jobId, req.ListingId, req.TargetLanguage, seller), ct);
        await Send.ResponseAsync(new TranslationAccepted(jobId, req.ListingId, req.TargetLanguage, "queued"), 202, ct);
    }
}

public sealed class GetTranslationRequest
{
    public long ListingId { get; set; }
    public string Language { get; set; } = "";
}

public sealed class GetTranslationEndpoint(IContentStore store) : Endpoint<GetTranslationRequest, TranslationView>
{
    public override void Configure()
    {
        Get("/api/listings/{ListingId}/translations/{Language}");
        AllowAnonymous();
    }

    public override async Task HandleAsync(GetTranslationRequest req, CancellationToken ct)
    {
        var row = await store.GetTranslationAsync(req.ListingId, req.Language, ct);
        if (row is null)
        {
            await Send.NotFoundAsync(ct);
            return;
        }

        await Send.OkAsync(row.ToView(), ct);
    }
}

public sealed class TranslatePreviewRequest
{
    public string Text { get; set; } = "";
    public string TargetLanguage { get; set; } = "en";
}

public sealed record TranslatePreviewResponse(string Original, string Translated, string Engine);

public sealed class TranslatePreviewEndpoint(IListingTranslator translator) : Endpoint<TranslatePreviewRequest, TranslatePreviewResponse>
{
    public override void Configure()
    {
        Post("/api/translate/preview");
        AllowAnonymous();
    }

    public override async Task HandleAsync(TranslatePreviewRequest req, CancellationToken ct)
    {
        var translated = await translator.TranslateAsync(req.Text, req.TargetLanguage, ct);
        Response = new TranslatePreviewResponse(req.Text, translated, translator.EngineName);
        await Send.OkAsync(Response, ct);
    }
}

public sealed class TranslationEnginesEndpoint(IListingTranslator translator) : EndpointWithoutRequest<string[]>
{
    public override void Configure()
    {
        Get("/api/translate/engines");
        AllowAnonymous();
    }

    public override Task HandleAsync(CancellationToken ct) =>
        Send.OkAsync([translator.EngineName], ct);
}
