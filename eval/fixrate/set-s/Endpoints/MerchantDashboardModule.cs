using System.Security.Claims;
using System.Text;
using Carter;
using DeepSynth.Compliance;
using DeepSynth.Compliance.Audit;
using DeepSynth.Compliance.Labeling;
using HuoPin.Live.Domain;
using HuoPin.Live.Infrastructure.Ai;
using HuoPin.Live.Infrastructure.Compliance;
using HuoPin.Live.Services;
using Marten;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace HuoPin.Live.Endpoints;

public sealed record DashboardSummary(
    int Products, int ProductsWithCopy, int ScheduledCampaigns, int SentCampaigns, int ReviewsLast7Days, double AverageRating, long TokensThisMonth, long TokenLimit);

public sealed record InsightsResponse(string Insights, string Model, DateTimeOffset GeneratedAt, bool Cached);

public sealed class MerchantDashboardModule : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app)
    {
        var dashboard = app.MapGroup("/api/dashboard").RequireAuthorization("Merchant").WithTags("Dashboard");
        dashboard.MapGet("/summary", GetSummaryAsync);
        dashboard.MapGet("/usage", GetUsage);
        dashboard.MapGet("/campaigns", GetCampaignStatusesAsync);
        dashboard.MapGet("/insights", GetInsightsAsync).RequireRealName();
        dashboard.MapGet("/models", GetModels);
        dashboard.MapGet("/report.md", DownloadReportAsync);
    }

    private static async Task<IResult> GetSummaryAsync(ClaimsPrincipal user, IQuerySession query, IUsageLedger ledger,
        IOptions<AiQuotaOptions> quota, TimeProvider clock, CancellationToken ct)
    {
        var merchantId = user.UserId();
        var metrics = await query.LoadMetricsAsync(merchantId, clock.GetUtcNow(), ct);
        var withCopy = await query.Query<Product>().CountAsync(p => p.MerchantId == merchantId && p.DetailCopy != null, ct);
        var sent = await query.Query<Campaign>().CountAsync(c => c.MerchantId == merchantId && c.Status == CampaignStatus.Sent, ct);

        return Results.Ok(new DashboardSummary(
            metrics.ProductCount, withCopy, metrics.ActiveCampaigns, sent, metrics.ReviewsLast7Days,
            Math.Round(metrics.AverageRating, 2), ledger.TokensThisMonth(merchantId), quota.Value.MonthlyTokenLimit));
    }

    private static IResult GetUsage(ClaimsPrincipal user, IUsageLedger ledger) =>
        Results.Ok(ledger.Snapshot(user.UserId()));

    private static async Task<IResult> GetCampaignStatusesAsync(ClaimsPrincipal user, IQuerySession query, CancellationToken ct)
    {
        var merchantId = user.UserId();
        var campaigns = await query.Query<Campaign>()
            .Where(c => c.MerchantId == merchantId)
            .OrderByDescending(c => c.CreatedAt)
            .Take(50)
            .ToListAsync(ct);

        return Results.Ok(campaigns.Select(c => new
        {
            c.Id,
            c.Name,
            status = c.Status.ToString(),
            recipients = c.Recipients.Count,
            c.DeliveredCount,
            c.FailedCount,
            c.ScheduledAt,
            c.SentAt,
        }));
    }

    private static async Task<IResult> GetInsightsAsync(
        ClaimsPrincipal user, IQuerySession query, IMarketingCopyService copy, IMemoryCache cache,
        IAigcTextLabeler label, ISynthesisAuditLog audit, TimeProvider clock, CancellationToken ct)
    {
        var merchantId = user.UserId();
        var key = $"insights:{merchantId}:{clock.GetUtcNow():yyyyMMddHH}";
        if (cache.TryGetValue(key, out InsightsResponse? cached) && cached is not null)
        {
            return Results.Ok(cached with { Cached = true });
        }

        var metrics = await query.LoadMetricsAsync(merchantId, clock.GetUtcNow(), ct);
        var generated = await copy.WriteInsightsAsync(metrics, "面向店铺运营", ct);
        await audit.RecordAsync(generated.Text, new GenerationRecord { UserId = merchantId, Model = generated.Model, ContentId = key }, ct);

        var response = new InsightsResponse(label.Label(generated.Text), generated.Model, clock.GetUtcNow(), false);
        cache.Set(key, response, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = TimeSpan.FromHours(1), Size = 1 });
        return Results.Ok(response);
    }

    private static async Task<IResult> DownloadReportAsync(
        ClaimsPrincipal user, IQuerySession query, IMarketingCopyService copy, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var metrics = await query.LoadMetricsAsync(user.UserId(), now, ct);
        var advice = await copy.WriteInsightsAsync(metrics, "写进周报的“下周建议”部分", ct);

        var markdown = new StringBuilder()
            .AppendLine($"# 店铺经营周报（{now:yyyy-MM-dd}）")
            .AppendLine()
            .AppendLine("| 指标 | 数值 |")
            .AppendLine("| --- | --- |")
            .AppendLine($"| 商品数 | {metrics.ProductCount} |")
            .AppendLine($"| 近 7 日评价 | {metrics.ReviewsLast7Days} |")
            .AppendLine($"| 平均评分 | {metrics.AverageRating:0.0} |")
            .AppendLine($"| 进行中活动 | {metrics.ActiveCampaigns} |")
            .AppendLine($"| 7 日触达 | {metrics.DeliveredLast7Days} |")
            .AppendLine()
            .AppendLine("## 下周建议")
            .AppendLine()
            .AppendLine(advice.Text)
            .ToString();

        return Results.File(Encoding.UTF8.GetBytes(markdown), "text/markdown; charset=utf-8", $"weekly-report-{now:yyyyMMdd}.md");
    }

    private static IResult GetModels(IConfiguration configuration, IOptions<DashScopeOptions> dashScope,
        IOptions<InferenceOptions> inference, IOptions<MediaModelOptions> media) =>
        Results.Ok(new
        {
            chat = configuration["AI:ChatModel"],
            summary = configuration["AI:SummaryModel"],
            copy = dashScope.Value.TextModel,
            wanx = dashScope.Value.ImageModel,
            hostScript = inference.Value.ScriptModel,
            image = media.Value.ImageDeployment,
            speech = media.Value.SpeechDeployment,
        });
}
