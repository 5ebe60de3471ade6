using System.Net.Http.Json;
using System.Text.Json.Serialization;
using Dapper;
using DeepSynth.Compliance.RealName;
using DeepSynth.Compliance.Review;
using Npgsql;

namespace XueBa.Coach.Infrastructure.Compliance;

/// <summary>Reads completed identity checks (guardian mobile / ID verification done at sign-up) from Postgres.</summary>
public sealed class AccountRealNameVerifier(NpgsqlDataSource db) : IRealNameVerifier
{
    public async Task<RealNameVerification> GetVerificationAsync(string userId, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        var row = await conn.QuerySingleOrDefaultAsync<(DateTimeOffset VerifiedAt, string Method)?>(new CommandDefinition("""
            SELECT verified_at, method FROM real_name_verifications
            WHERE user_id = @userId AND revoked_at IS NULL
            ORDER BY verified_at DESC LIMIT 1
            """, new { userId }, cancellationToken: ct));

        if (row is null)
        {
            return RealNameVerification.NotVerified(userId, "no completed verification on record");
        }

        var method = row.Value.Method switch
        {
            "id_card" => RealNameMethod.IdentityNumber,
            "ctid" => RealNameMethod.NationalNetworkIdentity,
            "org" => RealNameMethod.UnifiedSocialCreditCode,
            _ => RealNameMethod.MobileNumber,
        };
        return RealNameVerification.Verified(userId, row.Value.VerifiedAt, method);
    }
}

/// <summary>Cloud text moderation (content-security API with a minors-protection profile).</summary>
public sealed class CloudTextModerationAdapter(HttpClient http) : IContentModerationAdapter
{
    public string Name => "cloud-text-guard";

    public async Task<ReviewVerdict> ModerateAsync(string content, ReviewStage stage, CancellationToken ct)
    {
        var body = new { text = content, scene = stage == ReviewStage.Input ? "k12_input" : "k12_output" };
        using var response = await http.PostAsJsonAsync("v1/text/moderate", body, ct);
        response.EnsureSuccessStatusCode();
        var result = await response.Content.ReadFromJsonAsync<ModerationResponse>(cancellationToken: ct)
            ?? throw new InvalidOperationException("empty moderation response");
        return ToVerdict(stage, result, Name);
    }

    internal static ReviewVerdict ToVerdict(ReviewStage stage, ModerationResponse result, string source)
    {
        var decision = result.Suggestion switch
        {
            "pass" => ReviewDecision.Allowed,
            "block" => ReviewDecision.Blocked,
            _ => ReviewDecision.NeedsManualReview,
        };
        if (decision == ReviewDecision.Allowed)
        {
            return ReviewVerdict.Allowed(stage);
        }
        return new ReviewVerdict(stage, [new ReviewFinding(result.Label ?? "unknown", result.Category ?? "other", decision, source)]);
    }
}

public sealed class CloudMediaModerationAdapter(HttpClient http) : IMediaModerationAdapter
{
    public string Name => "cloud-media-guard";

    public async Task<ReviewVerdict> ModerateAsync(byte[] media, string contentType, ReviewStage stage, CancellationToken ct)
    {
        using var content = new ByteArrayContent(media);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        var path = contentType.StartsWith("audio/", StringComparison.Ordinal) ? "v1/audio/moderate" : "v1/image/moderate";
        using var response = await http.PostAsync(path, content, ct);
        response.EnsureSuccessStatusCode();
        var result = await response.Content.ReadFromJsonAsync<ModerationResponse>(cancellationToken: ct)
            ?? throw new InvalidOperationException("empty moderation response");
        return CloudTextModerationAdapter.ToVerdict(stage, result, Name);
    }
}

public sealed record ModerationResponse(
    [property: JsonPropertyName("suggestion")] string Suggestion,
    [property: JsonPropertyName("label")] string? Label,
    [property: JsonPropertyName("category")] string? Category);
