using System.Security.Claims;
using DeepSynth.Compliance;
using DeepSynth.Compliance.Audio;
using DeepSynth.Compliance.Audit;
using DeepSynth.Compliance.Metadata;
using DeepSynth.Compliance.Review;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PeiFu.Claims.AI;
using PeiFu.Claims.Contracts;
using PeiFu.Claims.Data;
using PeiFu.Claims.Notifications;
using PeiFu.Claims.Security;
using PeiFu.Claims.Storage;

namespace PeiFu.Claims.Endpoints;

public static class MediaEndpoints
{
    private static readonly string[] ServedPrefixes = ["explainers/", "infographics/"];

    public static IEndpointRouteBuilder MapMediaEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/claims/{claimId}/explainer-image", async (string claimId, ExplainerImageRequest request,
                ClaimsPrincipal user, ClaimsDbContext db, IMediaGenerator media, IContentReviewer review,
                IAigcFileLabeler fileLabeler, ISynthesisAuditLog audit, IDocumentStore store, CancellationToken ct) =>
            {
                var userId = user.GetUserId();
                if (!await db.Claims.AnyAsync(c => c.Id == claimId && c.CustomerId == userId, ct)) return Results.NotFound();

                var topic = await review.EnsureAllowedAsync(request.Topic, ReviewStage.Input, ct);
                var image = await media.GenerateExplainerImageAsync(topic, request.Style, ct);

                var labeled = fileLabeler.Label(image.Content, new FileLabelRequest { AddExplicitLabel = true, FileName = "explainer.png" }, ct);
                await review.EnsureMediaAllowedAsync(labeled, image.ContentType, ReviewStage.Output, ct);

                var key = $"explainers/{claimId}/{Guid.NewGuid():N}.png";
                await audit.RecordAsync(labeled, new GenerationRecord
                {
                    UserId = userId,
                    Kind = GeneratedMediaKind.Image,
                    Model = image.Model,
                    ContentId = key,
                    Labeled = true
                }, ct);
                await store.PutAsync(key, labeled, image.ContentType, new Dictionary<string, string> { ["claim-id"] = claimId }, ct);

                var (url, expires) = await store.GetDownloadUrlAsync(key, TimeSpan.FromHours(1));
                return Results.Ok(new GeneratedAssetDto(key, url.ToString(), expires, image.Model));
            })
            .RequireAuthorization(PeiFuPolicies.Customer)
            .RequireRealName()
            .WithTags("Media");

        app.MapPost("/api/policy/{policyNumber}/infographic", async (string policyNumber, ClaimsPrincipal user,
                ClaimsDbContext db, IMediaGenerator media, IDocumentStore store, CancellationToken ct) =>
            {
                var userId = user.GetUserId();
                var policy = await db.Policies.AsNoTracking()
                    .FirstOrDefaultAsync(p => p.PolicyNumber == policyNumber && p.CustomerId == userId, ct);
                if (policy is null) return Results.NotFound();

                var image = await media.GenerateExplainerImageAsync(
                    $"what the {policy.Product} insurance policy covers, the deductible and how to file a claim", null, ct);

                await store.PutAsync($"infographics/{policyNumber}.png", image.Content, image.ContentType, null, ct);
                return Results.File(image.Content, image.ContentType, $"{policyNumber}-coverage.png");
            })
            .RequireAuthorization(PeiFuPolicies.Customer)
            .WithTags("Media");

        app.MapGet("/api/assets/{**key}", async (string key, IDocumentStore store, HttpContext http, CancellationToken ct) =>
            {
                if (!ServedPrefixes.Any(key.StartsWith) || key.Contains(".."))
                {
                    return Results.NotFound();
                }
                var stored = await store.GetAsync(key, ct);
                if (stored is null) return Results.NotFound();

                http.Response.Headers.CacheControl = "private, max-age=300";
                http.Response.RegisterForDisposeAsync(stored);
                return Results.Stream(stored.Content, stored.ContentType, lastModified: stored.LastModified);
            })
            .RequireAuthorization()
            .WithTags("Media");

        app.MapPost("/api/voice/reply", async (VoiceReplyRequest request, IClaimAssistant assistant, IContentReviewer review,
                IMediaGenerator media, IAudioLabeler audioLabeler, ILoggerFactory loggers, CancellationToken ct) =>
            {
                var transcript = await review.EnsureAllowedAsync(request.Transcript, ReviewStage.Input, ct);
                var reply = await assistant.AnswerCallerAsync(transcript, ct);
                var text = await review.EnsureAllowedAsync(reply.Text, ReviewStage.Output, ct);

                var speech = await media.SynthesizeSpeechAsync(text, ct);
                var wav = audioLabeler.LabelWav(speech.Content, ct);

                loggers.CreateLogger("Voice").LogInformation("IVR reply for call {CallId}: {Bytes} bytes", request.CallId, wav.Length);
                return Results.File(wav, "audio/wav");
            })
            .RequireAuthorization(PeiFuPolicies.IvrGateway)
            .WithTags("Voice");

        app.MapPost("/api/voice/callback", async (VoiceCallbackRequest request, ClaimsDbContext db, IClaimAssistant assistant,
                IMediaGenerator media, IDocumentStore store, ISmsSender sms, CancellationToken ct) =>
            {
                var customer = await db.Customers.AsNoTracking().FirstOrDefaultAsync(c => c.CustomerId == request.CustomerId, ct);
                if (customer is null) return Results.NotFound();

                var reply = await assistant.AnswerCallerAsync($"客户{customer.DisplayName}来电未接通，请就以下事项留一段语音留言：{request.Topic}", ct);
                var speech = await media.SynthesizeSpeechAsync(reply.Text, ct);

                var callbackId = Guid.NewGuid().ToString("N");
                var key = $"voice/{request.CustomerId}/{callbackId}.wav";
                await store.PutAsync(key, speech.Content, speech.ContentType, null, ct);
                var (url, _) = await store.GetDownloadUrlAsync(key, TimeSpan.FromDays(3));

                await sms.SendAsync(customer.Mobile, $"【赔付通】您有一条客服语音留言，点击收听：{url}", ct);
                return Results.Accepted(value: new VoiceCallbackAccepted(callbackId, "sent"));
            })
            .RequireAuthorization(PeiFuPolicies.Adjuster)
            .WithTags("Voice");

        app.MapGet("/api/voice/health", ([FromServices] IConfiguration config) =>
                Results.Ok(new { status = "ok", speechDeployment = config["AI:SpeechDeployment"] }))
            .AllowAnonymous();

        return app;
    }
}
