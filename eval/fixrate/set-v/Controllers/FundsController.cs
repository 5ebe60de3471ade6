using DeepSynth.Compliance.Labeling;
using DeepSynth.Compliance.Review;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using WealthPal.Ai;
using WealthPal.Data;
using WealthPal.Infrastructure;
using WealthPal.Models;

namespace WealthPal.Controllers;

/// <summary>Public product shelf (also crawled by the mini-program's web-view).</summary>
public sealed class FundsController(WealthDbContext db) : Controller
{
    public async Task<IActionResult> Index(string? category, CancellationToken ct)
    {
        var q = db.Funds.AsNoTracking();
        if (!string.IsNullOrEmpty(category)) q = q.Where(f => f.Category == category);
        ViewData["Title"] = "基金超市";
        ViewBag.Categories = await db.Funds.Select(f => f.Category).Distinct().OrderBy(c => c).ToListAsync(ct);
        return View(await q.OrderBy(f => f.Code).ToListAsync(ct));
    }

    public async Task<IActionResult> Detail(string id, CancellationToken ct)
    {
        var fund = await db.Funds.AsNoTracking().FirstOrDefaultAsync(f => f.Code == id, ct);
        if (fund is null) return NotFound();

        ViewData["Title"] = fund.Name;
        return View(new FundDetailViewModel
        {
            Fund = fund,
            MarketingHtml = fund.MarketingBody?.ToHtml()
        });
    }
}

/// <summary>"看点" box on the fund page: a two-line note on the latest NAV move, cached per fund per NAV date.</summary>
public sealed class FundInsightViewComponent(ZhipuGlmClient glm, IMemoryCache cache, IContentReviewer review,
    IAigcTextLabeler label) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Fund fund)
    {
        var key = $"fund-insight:{fund.Code}:{fund.NavDate:yyyyMMdd}";
        var note = await cache.GetOrCreateAsync(key, async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromHours(20);
            var completion = await glm.CompleteAsync(
            [
                WireMessage.System("你是基金资讯编辑，用两句话客观描述基金最新净值变动，不得预测或推荐。"),
                WireMessage.User($"{fund.Name}，{fund.Category}，{fund.NavDate:yyyy-MM-dd} 单位净值 {fund.Nav:F4}，日涨跌 {fund.DailyChange:P2}")
            ], 0.2, HttpContext.RequestAborted);
            return await review.EnsureAllowedAsync(completion.Content, ReviewStage.Output, HttpContext.RequestAborted);
        });

        return View("Default", label.Label(note ?? ""));
    }
}
