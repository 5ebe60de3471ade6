using DeepSynth.Compliance;
using DeepSynth.Compliance.Audio;
using DeepSynth.Compliance.Audit;
using DeepSynth.Compliance.Labeling;
using DeepSynth.Compliance.Metadata;
using DeepSynth.Compliance.Review;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Options;
using StarHarbor.LiveOps.Data;
using StarHarbor.LiveOps.Infrastructure;
using StarHarbor.LiveOps.Models;
using StarHarbor.LiveOps.Providers;
using StarHarbor.LiveOps.Services;

namespace StarHarbor.LiveOps.Controllers;

[ApiController]
[Route("api/media")]
[Authorize]
public sealed class MediaController(
    IArtworkGenerator images,
    ISpeechSynthesizer speech,
    IChatClient chat,
    NpcCatalog catalog,
    IDocumentStore store,
    IDistributedCache quotaCache,
    IContentReviewer review,
    IAigcFileLabeler fileLabeler,
    IAudioLabeler audioLabeler,
    IAigcTextLabeler label,
    ISynthesisAuditLog audit,
    IOptions<LiveOpsOptions> liveOps,
    TimeProvider clock,
    ILogger<MediaController> logger) : ControllerBase
{
    private static readonly Dictionary<string, string> AvatarStyles = new()
    {
        ["anime"] = "日系动漫头像，干净线条，柔和光影",
        ["ink"] = "水墨风格头像，留白，淡彩",
        ["pixel"] = "32x32像素风头像，复古游戏色板",
    };

    [HttpPost("avatars")]
    [RequireRealName]
    public async Task<IActionResult> Avatar(AvatarRequest request, CancellationToken ct)
    {
        if (!AvatarStyles.TryGetValue(request.Style, out var style)) return BadRequest(new { error = "unknown style", styles = AvatarStyles.Keys });
        if (!await TryConsumeQuotaAsync("img", liveOps.Value.DailyImageQuota, ct)) return StatusCode(429, new { error = "今日头像生成次数已用完" });

        var prompt = await review.EnsureAllowedAsync(request.Prompt, ReviewStage.Input, ct);
        var image = await images.GenerateAsync($"{style}，{prompt}，星港游戏角色", "768x768", null, ct);
        await review.EnsureMediaAllowedAsync(image.Png, "image/png", ReviewStage.Output, ct);

        var labeled = fileLabeler.Label(image.Png, new FileLabelRequest { AddExplicitLabel = true, FileName = "avatar.png" }, ct);
        await audit.RecordAsync(labeled, new GenerationRecord
        {
            UserId = User.PlayerId(), Kind = DeepSynth.Compliance.GeneratedMediaKind.Image, Model = image.Model, Labeled = true,
        }, ct);

        var path = Path.Combine(liveOps.Value.PublicAssetRoot, "avatars", $"{User.PlayerId()}.png");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await System.IO.File.WriteAllBytesAsync(path, labeled, ct);
        return File(labeled, "image/png");
    }

    [HttpPost("fanart")]
    [RequireRealName]
    public async Task<ActionResult<FanArtCreated>> FanArt(FanArtRequest request, CancellationToken ct)
    {
        if (!await TryConsumeQuotaAsync("img", liveOps.Value.DailyImageQuota, ct)) return StatusCode(429, new { error = "今日生成次数已用完" });

        await review.EnsureAllTextAllowedAsync(request, ReviewStage.Input, ct);
        var image = await images.GenerateAsync($"{request.Prompt}，星港世界观同人插画，高细节", "1024x1024", null, ct);
        await review.EnsureMediaAllowedAsync(image.Png, "image/png", ReviewStage.Output, ct);

        var id = $"fa_{Guid.NewGuid():N}";
        var labeled = fileLabeler.Label(image.Png, new FileLabelRequest { FileName = $"{id}.png" }, ct);
        await audit.RecordAsync(labeled, new GenerationRecord
        {
            UserId = User.PlayerId(), Kind = DeepSynth.Compliance.GeneratedMediaKind.Image, Model = image.Model, ContentId = id,
        }, ct);

        var captionResponse = await chat.GetResponseAsync(
        [
            new ChatMessage(ChatRole.System, "为玩家的同人画写一句不超过40字的画廊说明，口吻像策展人。"),
            new ChatMessage(ChatRole.User, $"作品名：{request.Title}\n画面描述：{request.Prompt}"),
        ], new ChatOptions { Temperature = 0.7f, MaxOutputTokens = 100 }, ct);
        var caption = await review.EnsureAllowedAsync(captionResponse.Text, ReviewStage.Output, ct);
        caption = label.Label(caption);

        var relative = Path.Combine("fanart", $"{id}.png");
        var path = Path.Combine(liveOps.Value.PublicAssetRoot, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await System.IO.File.WriteAllBytesAsync(path, labeled, ct);

        await store.UpsertAsync(Containers.FanArt, new FanArtDoc(id, User.PlayerId(), User.Nickname(), request.Title,
            request.Prompt, caption, relative, 0, image.Model, clock.GetUtcNow()), id, ct);

        var baseUrl = liveOps.Value.PublicBaseUrl;
        return new FanArtCreated(id, $"{baseUrl}/public/{relative.Replace('\\', '/')}", caption, $"{baseUrl}/gallery/{id}");
    }

    [HttpGet("fanart/{id}")]
    [AllowAnonymous]
    public async Task<ActionResult<FanArtInfo>> FanArtInfo(string id, CancellationToken ct)
    {
        var doc = await store.GetAsync<FanArtDoc>(Containers.FanArt, id, id, ct);
        return doc is null ? NotFound() : new FanArtInfo(doc.Id, doc.Title, doc.ArtistName, doc.Likes, doc.CreatedAt);
    }

    /// <summary>Voice lines for the NPC butler in the player's housing plot (家园管家).</summary>
    [HttpPost("voice-lines")]
    [RequireRealName]
    public async Task<IActionResult> VoiceLine(VoiceLineRequest request, CancellationToken ct)
    {
        var npc = catalog.Find(request.NpcId);
        if (npc is null) return NotFound();
        if (request.Line.Length is 0 or > 120) return ValidationProblem("台词长度需在1到120字之间。");
        if (!await TryConsumeQuotaAsync("voice", liveOps.Value.DailyVoiceQuota, ct)) return StatusCode(429, new { error = "今日配音次数已用完" });

        var speechResult = await speech.SynthesizeAsync(request.Line, npc.VoiceId, Math.Clamp(request.Speed, 0.5, 2.0), ct);
        await review.EnsureMediaAllowedAsync(speechResult.Wav, "audio/wav", ReviewStage.Output, ct);

        var withCue = audioLabeler.LabelWav(speechResult.Wav, ct);
        var labeled = fileLabeler.Label(withCue, new FileLabelRequest { FileName = "line.wav" }, ct);
        await audit.RecordAsync(labeled, new GenerationRecord
        {
            UserId = User.PlayerId(), Kind = DeepSynth.Compliance.GeneratedMediaKind.Audio, Model = speechResult.Model, Labeled = true,
        }, ct);

        logger.LogInformation("Voice line for {Npc}: {Ms} ms", npc.Id, speechResult.DurationMs);
        return File(labeled, "audio/wav", $"{npc.Id}-line.wav");
    }

    [HttpGet("quota")]
    public async Task<QuotaView> Quota(CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var img = await ReadCounterAsync("img", today, ct);
        var voice = await ReadCounterAsync("voice", today, ct);
        return new QuotaView(img, liveOps.Value.DailyImageQuota, voice, liveOps.Value.DailyVoiceQuota, today.AddDays(1));
    }

    private async Task<bool> TryConsumeQuotaAsync(string kind, int limit, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var used = await ReadCounterAsync(kind, today, ct);
        if (used >= limit) return false;
        await quotaCache.SetStringAsync(CounterKey(kind, today), (used + 1).ToString(),
            new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = TimeSpan.FromHours(26) }, ct);
        return true;
    }

    private async Task<int> ReadCounterAsync(string kind, DateOnly day, CancellationToken ct) =>
        int.TryParse(await quotaCache.GetStringAsync(CounterKey(kind, day), ct), out var n) ? n : 0;

    private string CounterKey(string kind, DateOnly day) => $"quota:{kind}:{User.PlayerId()}:{day:yyyyMMdd}";
}
