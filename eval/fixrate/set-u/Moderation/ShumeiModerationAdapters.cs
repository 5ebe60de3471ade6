using System.Net.Http.Json;
using System.Text.Json.Serialization;
using DeepSynth.Compliance.Review;

namespace StarHarbor.LiveOps.Moderation;

public sealed class ShumeiOptions
{
    public const string Section = "Shumei";
    public string AccessKey { get; set; } = "";
    public string AppId { get; set; } = "starharbor";
    public string TextUrl { get; set; } = "https://api-text-bj.fengkongcloud.com/text/v4";
    public string ImageUrl { get; set; } = "https://api-img-bj.fengkongcloud.com/image/v4";
    public string AudioUrl { get; set; } = "https://api-audio-bj.fengkongcloud.com/audiomessage/v4";
}

internal sealed record ShumeiResult(
    [property: JsonPropertyName("code")] int Code,
    [property: JsonPropertyName("message")] string? Message,
    [property: JsonPropertyName("riskLevel")] string? RiskLevel,
    [property: JsonPropertyName("riskLabel1")] string? RiskLabel1,
    [property: JsonPropertyName("riskDescription")] string? RiskDescription);

internal static class ShumeiVerdicts
{
    public static ReviewVerdict ToVerdict(ShumeiResult? result, ReviewStage stage, string source)
    {
        if (result is null || result.Code != 1100)
            throw new HttpRequestException($"shumei error {result?.Code}: {result?.Message}");

        var decision = result.RiskLevel switch
        {
            "PASS" => ReviewDecision.Allowed,
            "REVIEW" => ReviewDecision.NeedsManualReview,
            _ => ReviewDecision.Blocked,
        };
        if (decision == ReviewDecision.Allowed) return ReviewVerdict.Allowed(stage);

        return new ReviewVerdict(stage,
            [new ReviewFinding($"shumei:{result.RiskLabel1 ?? "unknown"}", result.RiskLabel1 ?? "unknown", decision, source)]);
    }
}

/// <summary>数美 text moderation, asked after the local feature library.</summary>
public sealed class ShumeiTextModeration(HttpClient http, Microsoft.Extensions.Options.IOptions<ShumeiOptions> options)
    : IContentModerationAdapter
{
    public string Name => "shumei-text";

    public async Task<ReviewVerdict> ModerateAsync(string content, ReviewStage stage, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var request = new
        {
            accessKey = o.AccessKey,
            appId = o.AppId,
            eventId = stage == ReviewStage.Input ? "message" : "aigc_output",
            type = "TEXTRISK",
            data = new { text = content, tokenId = "starharbor-service" },
        };
        using var response = await http.PostAsJsonAsync(o.TextUrl, request, cancellationToken);
        response.EnsureSuccessStatusCode();
        var result = await response.Content.ReadFromJsonAsync<ShumeiResult>(cancellationToken);
        return ShumeiVerdicts.ToVerdict(result, stage, Name);
    }
}

/// <summary>数美 image and audio moderation for avatars, fan art and NPC voice lines.</summary>
public sealed class ShumeiMediaModeration(HttpClient http, Microsoft.Extensions.Options.IOptions<ShumeiOptions> options)
    : IMediaModerationAdapter
{
    public string Name => "shumei-media";

    public async Task<ReviewVerdict> ModerateAsync(byte[] media, string mediaType, ReviewStage stage, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var isAudio = mediaType.StartsWith("audio/", StringComparison.OrdinalIgnoreCase);
        object request = isAudio
            ? new
            {
                accessKey = o.AccessKey, appId = o.AppId, eventId = "aigc_voice", type = "POLITY_EROTIC_ADVERT_ABUSE",
                contentType = "RAW", content = Convert.ToBase64String(media), btId = Guid.NewGuid().ToString("N"),
                data = new { formatInfo = "wav", rate = 32000, track = 1, tokenId = "starharbor-service" },
            }
            : new
            {
                accessKey = o.AccessKey, appId = o.AppId, eventId = "aigc_image", type = "POLITY_EROTIC_VIOLENT_QRCODE_ADVERT",
                data = new { img = Convert.ToBase64String(media), tokenId = "starharbor-service" },
            };

        using var response = await http.PostAsJsonAsync(isAudio ? o.AudioUrl : o.ImageUrl, request, cancellationToken);
        response.EnsureSuccessStatusCode();
        var result = await response.Content.ReadFromJsonAsync<ShumeiResult>(cancellationToken);
        return ShumeiVerdicts.ToVerdict(result, stage, Name);
    }
}
