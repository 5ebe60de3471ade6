using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Json.Serialization;
using DeepSynth.Compliance.RealName;
using DeepSynth.Compliance.Review;
using HuoPin.Live.Domain;
using Marten;
using Microsoft.Extensions.Options;

namespace HuoPin.Live.Infrastructure.Compliance;

public static class ClaimsPrincipalExtensions
{
    public static string UserId(this ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier)
        ?? user.FindFirstValue("sub")
        ?? throw new InvalidOperationException("The token has no subject claim.");

    public static bool IsMerchant(this ClaimsPrincipal user) => user.HasClaim("role", "merchant");
}

/// <summary>Reads completed real-name verifications written by the onboarding service.</summary>
public sealed class MerchantRealNameVerifier(IQuerySession query) : IRealNameVerifier
{
    public async Task<RealNameVerification> GetVerificationAsync(string userId, CancellationToken cancellationToken)
    {
        var row = await query.LoadAsync<MerchantVerification>(userId, cancellationToken);
        return row is null
            ? RealNameVerification.NotVerified(userId, "no real-name verification on record")
            : RealNameVerification.Verified(userId, row.VerifiedAt, [row.Method]);
    }
}

public sealed class GreenModerationOptions
{
    public string Endpoint { get; set; } = "https://green-cip.cn-shanghai.aliyuncs.com";
    public string AccessKey { get; set; } = "";
    public string TextService { get; set; } = "comment_detection";
    public string ImageService { get; set; } = "baselineCheck";
    public string AudioService { get; set; } = "audio_media_detection";
}

internal sealed record GreenRequest(
    [property: JsonPropertyName("service")] string Service,
    [property: JsonPropertyName("content")] string? Content,
    [property: JsonPropertyName("dataBase64")] string? DataBase64,
    [property: JsonPropertyName("mediaType")] string? MediaType);

internal sealed class GreenResponse
{
    [JsonPropertyName("riskLevel")] public string RiskLevel { get; set; } = "none";
    [JsonPropertyName("labels")] public List<string> Labels { get; set; } = [];
    [JsonPropertyName("requestId")] public string? RequestId { get; set; }
}

internal static class GreenVerdicts
{
    public static ReviewVerdict ToVerdict(GreenResponse response, ReviewStage stage, string source)
    {
        var decision = response.RiskLevel switch
        {
            "high" => ReviewDecision.Blocked,
            "medium" => ReviewDecision.NeedsManualReview,
            _ => ReviewDecision.Allowed,
        };

        if (decision == ReviewDecision.Allowed)
        {
            return ReviewVerdict.Allowed(stage);
        }

        var findings = response.Labels.DefaultIfEmpty("unspecified")
            .Select(label => new ReviewFinding($"green:{label}", label, decision, source))
            .ToList();
        return new ReviewVerdict(stage, findings);
    }
}

/// <summary>Aliyun content security (text) as a second opinion after the feature library.</summary>
public sealed class GreenTextModerationAdapter(IHttpClientFactory httpClientFactory, IOptions<GreenModerationOptions> options)
    : IContentModerationAdapter
{
    public string Name => "aliyun-green-text";

    public async Task<ReviewVerdict> ModerateAsync(string content, ReviewStage stage, CancellationToken cancellationToken)
    {
        var http = httpClientFactory.CreateClient("green");
        using var response = await http.PostAsJsonAsync("/moderation/text",
            new GreenRequest(options.Value.TextService, content, null, "text/plain"), cancellationToken);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<GreenResponse>(cancellationToken) ?? new GreenResponse { RiskLevel = "medium" };
        return GreenVerdicts.ToVerdict(body, stage, Name);
    }
}

/// <summary>Aliyun content security for generated images and audio.</summary>
public sealed class GreenMediaModerationAdapter(IHttpClientFactory httpClientFactory, IOptions<GreenModerationOptions> options)
    : IMediaModerationAdapter
{
    public string Name => "aliyun-green-media";

    public async Task<ReviewVerdict> ModerateAsync(byte[] media, string mediaType, ReviewStage stage, CancellationToken cancellationToken)
    {
        var service = mediaType.StartsWith("audio/", StringComparison.OrdinalIgnoreCase)
            ? options.Value.AudioService
            : options.Value.ImageService;

        var http = httpClientFactory.CreateClient("green");
        using var response = await http.PostAsJsonAsync("/moderation/media",
            new GreenRequest(service, null, Convert.ToBase64String(media), mediaType), cancellationToken);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<GreenResponse>(cancellationToken) ?? new GreenResponse { RiskLevel = "medium" };
        return GreenVerdicts.ToVerdict(body, stage, Name);
    }
}
