using System.Text.Json;
using Microsoft.Extensions.Caching.Distributed;

namespace ShopCopilot.Services;

public sealed record CachedPushText(string Sku, string Language, string Text, string Model, DateTimeOffset CreatedAt);

public interface IContentCache
{
    Task StorePushTextAsync(CachedPushText push, CancellationToken ct);
    Task<CachedPushText?> GetPushTextAsync(string sku, string language, CancellationToken ct);
    Task StoreFaqAnswerAsync(string sku, string question, string answer, CancellationToken ct);
    Task<string?> GetFaqAnswerAsync(string sku, string question, CancellationToken ct);
}

public sealed class ContentCache(IDistributedCache cache) : IContentCache
{
    private static readonly DistributedCacheEntryOptions PushTtl = new() { AbsoluteExpirationRelativeToNow = TimeSpan.FromHours(12) };
    private static readonly DistributedCacheEntryOptions FaqTtl = new() { SlidingExpiration = TimeSpan.FromDays(2) };

    public Task StorePushTextAsync(CachedPushText push, CancellationToken ct) =>
        cache.SetStringAsync(PushKey(push.Sku, push.Language), JsonSerializer.Serialize(push), PushTtl, ct);

    public async Task<CachedPushText?> GetPushTextAsync(string sku, string language, CancellationToken ct)
    {
        var json = await cache.GetStringAsync(PushKey(sku, language), ct);
        return json is null ? null : JsonSerializer.Deserialize<CachedPushText>(json);
    }

    public Task StoreFaqAnswerAsync(string sku, string question, string answer, CancellationToken ct) =>
        cache.SetStringAsync(FaqKey(sku, question), answer, FaqTtl, ct);

    public Task<string?> GetFaqAnswerAsync(string sku, string question, CancellationToken ct) =>
        cache.GetStringAsync(FaqKey(sku, question), ct);

    private static string PushKey(string sku, string language) => $"push:{sku}:{language}";

    private static string FaqKey(string sku, string question) =>
        $"faq:{sku}:{Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(question.Trim().ToLowerInvariant())))[..16]}";
}
