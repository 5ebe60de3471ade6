using System.Security.Claims;
using System.Text.Json.Serialization;
using DeepSynth.Compliance.RealName;
using DeepSynth.Compliance.Review;
using Flurl;
using Flurl.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ZhaoPinCopilot.Data;

namespace ZhaoPinCopilot.Security;

public static class AuthPolicies
{
    // Bearer tokens issued by the company SSO, used by the recruiter API
    public const string Recruiter = "recruiter";
    public const string HiringManager = "hiring-manager";

    // Cookie sign-in for the recruiter dashboard and the candidate site
    public const string RecruiterPortal = "recruiter-portal";
    public const string Candidate = "candidate";
}

public static class ClaimsPrincipalExtensions
{
    public static string UserId(this ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier)
        ?? user.FindFirstValue("sub")
        ?? throw new InvalidOperationException("The signed-in user has no subject claim.");

    public static string DisplayName(this ClaimsPrincipal user) =>
        user.FindFirstValue("name") ?? user.Identity?.Name ?? "HR";
}

/// <summary>Reads the verifications done by the identity team (mobile + ID card check at sign-up).</summary>
public sealed class RealNameRecordVerifier(RecruitingDbContext db) : IRealNameVerifier
{
    public async Task<RealNameVerification> GetVerificationAsync(string userId, CancellationToken cancellationToken)
    {
        var record = await db.RealNameRecords.AsNoTracking()
            .FirstOrDefaultAsync(r => r.UserId == userId, cancellationToken);

        if (record is null)
        {
            return RealNameVerification.NotVerified(userId, "no real-name verification on record");
        }

        if (record.RevokedAt is not null)
        {
            return RealNameVerification.NotVerified(userId, "verification was revoked");
        }

        return RealNameVerification.Verified(userId, record.VerifiedAt, [record.Method]);
    }
}

public sealed class ModerationGatewayOptions
{
    public string BaseUrl { get; set; } = "";
    public string AppKey { get; set; } = "";
    public int TimeoutSeconds { get; set; } = 5;
}

internal sealed class ModerationResponse
{
    [JsonPropertyName("suggestion")] public string Suggestion { get; set; } = "review";
    [JsonPropertyName("labels")] public List<ModerationLabel> Labels { get; set; } = [];
    [JsonPropertyName("requestId")] public string? RequestId { get; set; }
}

internal sealed class ModerationLabel
{
    [JsonPropertyName("label")] public string Label { get; set; } = "";
    [JsonPropertyName("confidence")] public double Confidence { get; set; }
}

internal static class ModerationMapping
{
    public static ReviewVerdict ToVerdict(ModerationResponse response, ReviewStage stage, string source)
    {
        var decision = response.Suggestion switch
        {
            "pass" => ReviewDecision.Allowed,
            "block" => ReviewDecision.Blocked,
            _ => ReviewDecision.NeedsManualReview,
        };

        if (decision == ReviewDecision.Allowed)
        {
            return ReviewVerdict.Allowed(stage);
        }

        var findings = response.Labels.Count == 0
            ? [new ReviewFinding("green:" + response.Suggestion, "unspecified", decision, source)]
            : response.Labels.Select(l => new ReviewFinding("green:" + l.Label, l.Label, decision, source)).ToList();
        return new ReviewVerdict(stage, findings);
    }
}

/// <summary>Text moderation through the cloud content-security gateway.</summary>
public sealed class GreenTextModerationAdapter(IOptions<ModerationGatewayOptions> options) : IContentModerationAdapter
{
    private readonly ModerationGatewayOptions _options = options.Value;

    public string Name => "green-text";

    public async Task<ReviewVerdict> ModerateAsync(string content, ReviewStage stage, CancellationToken cancellationToken)
    {
        var response = await _options.BaseUrl
            .AppendPathSegments("v1", "text", "scan")
            .WithHeader("X-App-Key", _options.AppKey)
            .WithTimeout(TimeSpan.FromSeconds(_options.TimeoutSeconds))
            .PostJsonAsync(new
            {
                service = stage == ReviewStage.Input ? "ugc_moderation" : "llm_response_moderation",
                content,
            }, cancellationToken: cancellationToken)
            .ReceiveJson<ModerationResponse>();

        return ModerationMapping.ToVerdict(response, stage, Name);
    }
}

/// <summary>Image and audio moderation through the same gateway.</summary>
public sealed class GreenMediaModerationAdapter(IOptions<ModerationGatewayOptions> options) : IMediaModerationAdapter
{
    private readonly ModerationGatewayOptions _options = options.Value;

    public string Name => "green-media";

    public async Task<ReviewVerdict> ModerateAsync(byte[] media, string mediaType, ReviewStage stage, CancellationToken cancellationToken)
    {
        var kind = mediaType.StartsWith("audio/", StringComparison.OrdinalIgnoreCase) ? "audio" : "image";
        var response = await _options.BaseUrl
            .AppendPathSegments("v1", kind, "scan")
            .WithHeader("X-App-Key", _options.AppKey)
            .WithTimeout(TimeSpan.FromSeconds(_options.TimeoutSeconds * 4))
            .PostJsonAsync(new
            {
                service = "aigc_check",
                contentType = mediaType,
                data = Convert.ToBase64String(media),
            }, cancellationToken: cancellationToken)
            .ReceiveJson<ModerationResponse>();

        return ModerationMapping.ToVerdict(response, stage, Name);
    }
}
