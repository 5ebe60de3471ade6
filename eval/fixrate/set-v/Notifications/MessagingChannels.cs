using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using WealthPal.Infrastructure;

namespace WealthPal.Notifications;

/// <summary>SMS aggregator HTTP API (signature: HMAC-SHA256 over timestamp + body).</summary>
public sealed class SmsGateway(HttpClient http, IOptions<NotificationOptions> options, ILogger<SmsGateway> logger)
{
    private readonly NotificationOptions _o = options.Value;

    public Task<string?> SendAsync(string mobile, string content, CancellationToken ct) =>
        PostAsync("v2/sms/send", new { mobile, sign = _o.SmsSign, content }, ct);

    public Task<string?> SendTemplateAsync(string mobile, string templateCode, IDictionary<string, string> parameters, CancellationToken ct) =>
        PostAsync("v2/sms/send-template", new { mobile, sign = _o.SmsSign, templateCode, parameters }, ct);

    private async Task<string?> PostAsync(string path, object payload, CancellationToken ct)
    {
        var body = System.Text.Json.JsonSerializer.Serialize(payload);
        var ts = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString();
        using var req = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        req.Headers.Add("X-App-Key", _o.SmsAppKey);
        req.Headers.Add("X-Timestamp", ts);
        req.Headers.Add("X-Signature", Convert.ToHexStringLower(
            HMACSHA256.HashData(Encoding.UTF8.GetBytes(_o.SmsAppKey), Encoding.UTF8.GetBytes(ts + body))));

        using var resp = await http.SendAsync(req, ct);
        if (!resp.IsSuccessStatusCode)
        {
            logger.LogWarning("SMS provider returned {Status}", (int)resp.StatusCode);
            return null;
        }
        var result = await resp.Content.ReadFromJsonAsync<SmsResult>(ct);
        return result?.MessageId;
    }

    private sealed record SmsResult(string? MessageId, string? Code);
}

/// <summary>Mobile push goes through the app team's push-gateway (it fans out to APNs, HMS, MiPush, ...).</summary>
public sealed class PushRelay(HttpClient http)
{
    public async Task SendAsync(string userId, string title, string body, string? deepLink, CancellationToken ct)
    {
        using var resp = await http.PostAsJsonAsync("api/push", new
        {
            audience = new { userIds = new[] { userId } },
            notification = new { title, body, deepLink },
            options = new { ttlSeconds = 86400, collapseKey = deepLink }
        }, ct);
        resp.EnsureSuccessStatusCode();
    }

    public async Task BroadcastAsync(IReadOnlyCollection<string> userIds, string title, string body, string? deepLink, CancellationToken ct)
    {
        foreach (var chunk in userIds.Chunk(500))
        {
            using var resp = await http.PostAsJsonAsync("api/push", new
            {
                audience = new { userIds = chunk },
                notification = new { title, body, deepLink },
                options = new { ttlSeconds = 3 * 86400 }
            }, ct);
            resp.EnsureSuccessStatusCode();
        }
    }
}
