using System.Net.Http.Json;
using System.Security.Claims;
using DeepSynth.Compliance.RealName;
using DeepSynth.Compliance.Review;
using Microsoft.EntityFrameworkCore;
using PeiFu.Claims.Data;

namespace PeiFu.Claims.Security;

public static class PeiFuPolicies
{
    public const string Customer = "Customer";
    public const string Adjuster = "Adjuster";
    public const string FraudAnalyst = "FraudAnalyst";
    public const string IvrGateway = "IvrGateway";
}

public static class ClaimsPrincipalExtensions
{
    public static string GetUserId(this ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier)
        ?? user.FindFirstValue("sub")
        ?? throw new InvalidOperationException("The token has no subject claim.");

    public static bool IsStaff(this ClaimsPrincipal user) =>
        user.IsInRole("adjuster") || user.IsInRole("fraud-analyst") || user.IsInRole("supervisor");
}

/// <summary>Real-name records written by the identity team's verification flow (mobile + ID number checks).</summary>
public sealed class RealNameRecordVerifier(ClaimsDbContext db) : IRealNameVerifier
{
    public async Task<RealNameVerification> GetVerificationAsync(string userId, CancellationToken ct)
    {
        var record = await db.RealNameRecords.AsNoTracking().FirstOrDefaultAsync(r => r.UserId == userId, ct);
        if (record is null)
        {
            return RealNameVerification.NotVerified(userId, "no real-name verification on record");
        }
        if (record.Revoked)
        {
            return RealNameVerification.NotVerified(userId, "real-name verification was revoked");
        }
        return RealNameVerification.Verified(userId, record.VerifiedAt, record.Method);
    }
}

public sealed class ModerationServiceOptions
{
    public const string Section = "Moderation";

    public string TextEndpoint { get; set; } = "https://moderation.internal.peifu.example/v1/text";
    public string ImageEndpoint { get; set; } = "https://moderation.internal.peifu.example/v1/image";
}

/// <summary>Calls the group-wide moderation service (wraps the cloud vendor's content security API).</summary>
public sealed class GroupTextModerationAdapter(HttpClient http, Microsoft.Extensions.Options.IOptions<ModerationServiceOptions> options)
    : IContentModerationAdapter
{
    public string Name => "group-moderation-text";

    public async Task<ReviewVerdict> ModerateAsync(string content, ReviewStage stage, CancellationToken ct)
    {
        using var response = await http.PostAsJsonAsync(options.Value.TextEndpoint,
            new { content, scene = stage == ReviewStage.Input ? "user-input" : "aigc-output" }, ct);
        response.EnsureSuccessStatusCode();
        var result = await response.Content.ReadFromJsonAsync<ModerationResult>(ct)
                     ?? throw new InvalidOperationException("Empty moderation response");
        return ToVerdict(result, stage, Name);
    }

    internal static ReviewVerdict ToVerdict(ModerationResult result, ReviewStage stage, string source)
    {
        if (result.Suggestion == "pass")
        {
            return ReviewVerdict.Allowed(stage);
        }
        var decision = result.Suggestion == "block" ? ReviewDecision.Blocked : ReviewDecision.NeedsManualReview;
        var findings = (result.Labels ?? ["unknown"])
            .Select(label => new ReviewFinding(result.RuleId ?? label, label, decision, source))
            .ToList();
        return new ReviewVerdict(stage, findings);
    }
}

public sealed class GroupImageModerationAdapter(HttpClient http, Microsoft.Extensions.Options.IOptions<ModerationServiceOptions> options)
    : IMediaModerationAdapter
{
    public string Name => "group-moderation-image";

    public async Task<ReviewVerdict> ModerateAsync(byte[] content, string contentType, ReviewStage stage, CancellationToken ct)
    {
        using var body = new ByteArrayContent(content);
        body.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        using var response = await http.PostAsync($"{options.Value.ImageEndpoint}?scene={stage}", body, ct);
        response.EnsureSuccessStatusCode();
        var result = await response.Content.ReadFromJsonAsync<ModerationResult>(ct)
                     ?? throw new InvalidOperationException("Empty moderation response");
        return GroupTextModerationAdapter.ToVerdict(result, stage, Name);
    }
}

internal sealed record ModerationResult(string Suggestion, string[]? Labels, string? RuleId);
