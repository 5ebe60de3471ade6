using DeepSynth.Compliance.Audit;
using DeepSynth.Compliance.Labeling;
using DeepSynth.Compliance.RealName;
using DeepSynth.Compliance.Review;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Caching.Memory;
using WealthPal.Data;

namespace WealthPal.Infrastructure;

/// <summary>
/// GET /brief/today: the "今日市场简报" card on the app home screen. One text per day (Beijing time),
/// generated on first request after the NAV import and cached until midnight.
/// </summary>
public sealed class DailyBriefMiddleware(RequestDelegate next, IMemoryCache cache,
    [FromKeyedServices("hunyuan")] IChatClient chat, IContentReviewer review, ISynthesisAuditLog audit, IAigcTextLabeler label)
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);
    private static readonly SemaphoreSlim Gate = new(1, 1);

    public async Task InvokeAsync(HttpContext context, IRealNameGate realName, WealthDbContext db)
    {
        if (!HttpMethods.IsGet(context.Request.Method) || !context.Request.Path.Equals("/brief/today", StringComparison.OrdinalIgnoreCase))
        {
            await next(context);
            return;
        }
        if (context.User.Identity?.IsAuthenticated != true)
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        var ct = context.RequestAborted;
        var day = DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(Beijing).DateTime);
        await realName.EnsureVerifiedAsync(context.User, ct);

        var brief = await GetOrCreateAsync(day, db, ct);
        context.Response.Headers.CacheControl = "private, max-age=600";
        await context.Response.WriteAsJsonAsync(new { date = day, text = brief.Text, model = brief.Model }, ct);
    }

    private async Task<Brief> GetOrCreateAsync(DateOnly day, WealthDbContext db, CancellationToken ct)
    {
        var key = $"brief:{day:yyyyMMdd}";
        if (cache.TryGetValue(key, out Brief? cached)) return cached!;

        await Gate.WaitAsync(ct);
        try
        {
            if (cache.TryGetValue(key, out cached)) return cached!;

            var movers = await db.Funds.AsNoTracking().Where(f => f.NavDate == day && f.PreviousNav > 0)
                .Select(f => new { f.Name, f.Category, f.Nav, f.PreviousNav }).ToListAsync(ct);
            var lines = movers
                .Select(f => (f.Name, f.Category, Change: (f.Nav - f.PreviousNav) / f.PreviousNav))
                .OrderByDescending(f => Math.Abs(f.Change)).Take(15)
                .Select(f => $"{f.Name}（{f.Category}）{f.Change:P2}");

            var response = await chat.GetResponseAsync(
            [
                new ChatMessage(ChatRole.System, "你是银行财富管理部的市场简报编辑。根据本行货架基金今日净值变化，写 150 字以内的中性市场简报，不预测，不推荐。"),
                new ChatMessage(ChatRole.User, $"日期：{day:yyyy-MM-dd}\n" + string.Join("\n", lines))
            ], new ChatOptions { Temperature = 0.2f }, ct);

            var text = await review.EnsureAllowedAsync(response.Text, ReviewStage.Output, ct);
            await audit.RecordAsync(text, new GenerationRecord { Model = response.ModelId ?? "hunyuan", ContentId = key }, ct);

            var brief = new Brief(label.Label(text), response.ModelId ?? "hunyuan");
            var midnight = new DateTimeOffset(day.AddDays(1).ToDateTime(TimeOnly.MinValue), Beijing);
            cache.Set(key, brief, midnight);
            return brief;
        }
        finally
        {
            Gate.Release();
        }
    }

    private sealed record Brief(string Text, string Model);
}
