using System.Net.Http.Json;
using System.Text.Json.Serialization;
using DeepSynth.Compliance.RealName;
using DeepSynth.Compliance.Review;
using Microsoft.EntityFrameworkCore;
using WealthPal.Data;

namespace WealthPal.Infrastructure;

/// <summary>
/// Customers complete identity checks at account opening (counter or the e-KYC flow in the app),
/// which writes wealth.real_name_records. Staff accounts are provisioned the same way by HR.
/// </summary>
public sealed class BankRealNameVerifier(WealthDbContext db) : IRealNameVerifier
{
    public async Task<RealNameVerification> GetVerificationAsync(string userId, CancellationToken cancellationToken)
    {
        var row = await db.RealNameRecords.AsNoTracking()
            .FirstOrDefaultAsync(r => r.UserId == userId, cancellationToken);

        if (row is null)
            return RealNameVerification.NotVerified(userId, "no identity check on record");
        if (row.RevokedAt is not null)
            return RealNameVerification.NotVerified(userId, "identity check revoked");

        return RealNameVerification.Verified(userId, row.VerifiedAt, [row.Method]);
    }
}

/// <summary>Client for the group's content-risk service (run by the security team, fronting a cloud moderation API).</summary>
internal static class ContentRisk
{
    public const string HttpClientName = "content-risk";

    public sealed record Verdict(
        [property: JsonPropertyName("suggestion")] string Suggestion,
        [property: JsonPropertyName("labels")] string[]? Labels,
        [property: JsonPropertyName("requestId")] string? RequestId);

    public static ReviewVerdict ToVerdict(Verdict? v, ReviewStage stage, string source)
    {
        if (v is null)
            return new ReviewVerdict(stage, [new ReviewFinding("content-risk.empty", "unknown", ReviewDecision.NeedsManualReview, source)]);

        var decision = v.Suggestion switch
        {
            "pass" => ReviewDecision.Allowed,
            "block" => ReviewDecision.Blocked,
            _ => ReviewDecision.NeedsManualReview
        };
        if (decision == ReviewDecision.Allowed)
            return ReviewVerdict.Allowed(stage);

        var labels = v.Labels is { Length: > 0 } ? v.Labels : ["unspecified"];
        return new ReviewVerdict(stage, labels.Select(l => new ReviewFinding($"content-risk.{l}", l, decision, source)).ToList());
    }
}

public sealed class ContentRiskTextAdapter(IHttpClientFactory httpFactory) : IContentModerationAdapter
{
    public string Name => "content-risk-text";

    public async Task<ReviewVerdict> ModerateAsync(string content, ReviewStage stage, CancellationToken cancellationToken)
    {
        var http = httpFactory.CreateClient(ContentRisk.HttpClientName);
        using var resp = await http.PostAsJsonAsync("v1/text:check", new
        {
            scene = stage == ReviewStage.Input ? "wealth_user_input" : "wealth_model_output",
            content
        }, cancellationToken);
        resp.EnsureSuccessStatusCode();
        var verdict = await resp.Content.ReadFromJsonAsync<ContentRisk.Verdict>(cancellationToken);
        return ContentRisk.ToVerdict(verdict, stage, Name);
    }
}

public sealed class ContentRiskImageAdapter(IHttpClientFactory httpFactory) : IMediaModerationAdapter
{
    public string Name => "content-risk-media";

    public async Task<ReviewVerdict> ModerateAsync(byte[] media, string mediaType, ReviewStage stage, CancellationToken cancellationToken)
    {
        var http = httpFactory.CreateClient(ContentRisk.HttpClientName);
        using var content = new ByteArrayContent(media);
        content.Headers.ContentType = new(mediaType);
        using var resp = await http.PostAsync($"v1/media:check?scene=wealth_{stage.ToString().ToLowerInvariant()}", content, cancellationToken);
        resp.EnsureSuccessStatusCode();
        var verdict = await resp.Content.ReadFromJsonAsync<ContentRisk.Verdict>(cancellationToken);
        return ContentRisk.ToVerdict(verdict, stage, Name);
    }
}
