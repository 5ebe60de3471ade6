using System.Net.Http.Json;
using System.Text.Json.Serialization;
using ClipForge.Storage;
using DeepSynth.Compliance.RealName;
using DeepSynth.Compliance.Review;
using MongoDB.Driver;

namespace ClipForge.Infrastructure;

/// <summary>Reads completed real-name verifications written by the account service.</summary>
internal sealed class MongoRealNameVerifier(MongoContext db) : IRealNameVerifier
{
    public async Task<RealNameVerification> GetVerificationAsync(string userId, CancellationToken cancellationToken)
    {
        var row = await db.Verifications.Find(v => v.UserId == userId).FirstOrDefaultAsync(cancellationToken);
        if (row is null || row.Revoked)
        {
            return RealNameVerification.NotVerified(userId, row is null ? "no verification on record" : "verification revoked");
        }

        var method = Enum.TryParse<RealNameMethod>(row.Method, ignoreCase: true, out var parsed)
            ? parsed
            : RealNameMethod.MobileNumber;
        return RealNameVerification.Verified(userId, row.VerifiedAt, [method]);
    }
}

/// <summary>
/// Client for the cloud moderation service (text and image/audio scanning).
/// Unknown labels are treated as "needs manual review" rather than allowed.
/// </summary>
internal sealed class GreenShieldModerationClient(IHttpClientFactory httpClientFactory, ILogger<GreenShieldModerationClient> logger)
    : IContentModerationAdapter, IMediaModerationAdapter
{
    public const string HttpClientName = "moderation";

    public string Name => "greenshield";

    public async Task<ReviewVerdict> ModerateAsync(string content, ReviewStage stage, CancellationToken cancellationToken)
    {
        var http = httpClientFactory.CreateClient(HttpClientName);
        using var response = await http.PostAsJsonAsync("v2/text/scan", new
        {
            scene = stage == ReviewStage.Input ? "comment_detection" : "ai_art_detection",
            content
        }, cancellationToken);
        response.EnsureSuccessStatusCode();
        var result = await response.Content.ReadFromJsonAsync<ScanResult>(cancellationToken);
        return ToVerdict(result, stage);
    }

    public async Task<ReviewVerdict> ModerateAsync(byte[] media, string mediaType, ReviewStage stage, CancellationToken cancellationToken)
    {
        var http = httpClientFactory.CreateClient(HttpClientName);
        using var body = new ByteArrayContent(media);
        body.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(mediaType);
        var path = mediaType.StartsWith("audio/", StringComparison.OrdinalIgnoreCase) ? "v2/audio/scan" : "v2/image/scan";
        using var response = await http.PostAsync(path, body, cancellationToken);
        response.EnsureSuccessStatusCode();
        var result = await response.Content.ReadFromJsonAsync<ScanResult>(cancellationToken);
        return ToVerdict(result, stage);
    }

    private ReviewVerdict ToVerdict(ScanResult? result, ReviewStage stage)
    {
        if (result is null)
        {
            logger.LogWarning("Moderation service returned an empty body");
            return new ReviewVerdict(stage, [new ReviewFinding("empty-response", "service", ReviewDecision.NeedsManualReview, Name)]);
        }

        var decision = result.Suggestion switch
        {
            "pass" => ReviewDecision.Allowed,
            "block" => ReviewDecision.Blocked,
            _ => ReviewDecision.NeedsManualReview
        };

        return decision == ReviewDecision.Allowed
            ? ReviewVerdict.Allowed(stage)
            : new ReviewVerdict(stage, [new ReviewFinding(result.Label ?? "unknown", result.Label ?? "unknown", decision, Name)]);
    }

    private sealed class ScanResult
    {
        [JsonPropertyName("suggestion")] public string Suggestion { get; set; } = "review";
        [JsonPropertyName("label")] public string? Label { get; set; }
        [JsonPropertyName("rate")] public double Rate { get; set; }
    }
}
