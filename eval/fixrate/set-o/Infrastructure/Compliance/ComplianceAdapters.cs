using System.Net.Http.Json;
using DeepSynth.Compliance.RealName;
using DeepSynth.Compliance.Review;
using ZhengWuTong.Infrastructure.Storage;

namespace ZhengWuTong.Infrastructure.Compliance;

/// <summary>Real-name records come from the city identity platform and are mirrored on the account.</summary>
public sealed class CitizenRealNameVerifier(GovDataStore store) : IRealNameVerifier
{
    public Task<RealNameVerification> GetVerificationAsync(string userId, CancellationToken cancellationToken)
    {
        var account = store.Citizens.FindById(userId);
        if (account?.RealNameVerifiedAt is not { } verifiedAt)
        {
            return Task.FromResult(RealNameVerification.NotVerified(userId, "no real-name verification on record"));
        }

        var method = account.RealNameMethod switch
        {
            "id-card" => RealNameMethod.IdentityNumber,
            "ctid" => RealNameMethod.NationalNetworkIdentity,
            "uscc" => RealNameMethod.UnifiedSocialCreditCode,
            _ => RealNameMethod.MobileNumber
        };

        return Task.FromResult(RealNameVerification.Verified(userId, verifiedAt, method));
    }
}

public sealed class ModerationOptions
{
    public string Endpoint { get; set; } = "https://moderation.gov-cloud.example.cn/v2/";
    public string ApiKey { get; set; } = string.Empty;
}

/// <summary>Text moderation through the provincial cloud's content security service.</summary>
public sealed class CloudTextModeration(HttpClient http) : IContentModerationAdapter
{
    public string Name => "gov-cloud-text";

    public async Task<ReviewVerdict> ModerateAsync(string content, ReviewStage stage, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync("text/scan", new { content, scene = stage.ToString().ToLowerInvariant() }, cancellationToken);
        response.EnsureSuccessStatusCode();
        var result = await response.Content.ReadFromJsonAsync<ScanResult>(cancellationToken: cancellationToken);
        return ToVerdict(stage, result, Name);
    }

    internal static ReviewVerdict ToVerdict(ReviewStage stage, ScanResult? result, string source)
    {
        if (result is null || result.Suggestion == "pass")
        {
            return ReviewVerdict.Allowed(stage);
        }

        var decision = result.Suggestion == "block" ? ReviewDecision.Blocked : ReviewDecision.NeedsManualReview;
        return new ReviewVerdict(stage, [new ReviewFinding(result.Label ?? "unknown", result.Label ?? "unknown", decision, source)]);
    }

    internal sealed record ScanResult(string Suggestion, string? Label, double Rate);
}

/// <summary>Image and audio moderation through the same service.</summary>
public sealed class CloudMediaModeration(HttpClient http) : IMediaModerationAdapter
{
    public string Name => "gov-cloud-media";

    public async Task<ReviewVerdict> ModerateAsync(byte[] media, string mediaType, ReviewStage stage, CancellationToken cancellationToken)
    {
        using var content = new ByteArrayContent(media);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(mediaType);
        var path = mediaType.StartsWith("audio/", StringComparison.Ordinal) ? "audio/scan" : "image/scan";
        using var response = await http.PostAsync(path, content, cancellationToken);
        response.EnsureSuccessStatusCode();
        var result = await response.Content.ReadFromJsonAsync<CloudTextModeration.ScanResult>(cancellationToken: cancellationToken);
        return CloudTextModeration.ToVerdict(stage, result, Name);
    }
}
