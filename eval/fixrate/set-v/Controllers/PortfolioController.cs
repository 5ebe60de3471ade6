using DeepSynth.Compliance;
using DeepSynth.Compliance.Audit;
using DeepSynth.Compliance.Labeling;
using DeepSynth.Compliance.Review;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using WealthPal.Ai;
using WealthPal.Data;
using WealthPal.Infrastructure;
using WealthPal.Models;

namespace WealthPal.Controllers;

[Authorize]
public sealed class PortfolioController(WealthDbContext db, ILogger<PortfolioController> logger) : Controller
{
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var customerId = User.CustomerId();
        var customer = await db.Customers.AsNoTracking().FirstOrDefaultAsync(c => c.Id == customerId, ct);
        if (customer is null) return NotFound();

        var holdings = await db.Holdings.AsNoTracking().Where(h => h.CustomerId == customerId).Include(h => h.Fund)
            .OrderByDescending(h => h.Units * h.Fund.Nav)
            .Select(h => new HoldingRow(h.FundCode, h.Fund.Name, h.Fund.Category, h.Units, h.Fund.Nav,
                h.Units * h.Fund.Nav, h.CostBasis,
                h.Fund.PreviousNav == 0 ? 0 : (h.Fund.Nav - h.Fund.PreviousNav) / h.Fund.PreviousNav))
            .ToListAsync(ct);

        ViewData["Title"] = "我的持仓";
        ViewBag.LastLogin = User.FindFirst("last_login")?.Value;
        return View(new PortfolioIndexViewModel
        {
            CustomerName = customer.FullName,
            RiskLevel = customer.RiskLevel,
            Holdings = holdings,
            NavDate = await db.Funds.MaxAsync(f => (DateOnly?)f.NavDate, ct)
        });
    }

    [HttpGet]
    public async Task<IActionResult> Allocation(CancellationToken ct)
    {
        var customerId = User.CustomerId();
        var byCategory = await db.Holdings.AsNoTracking().Where(h => h.CustomerId == customerId)
            .GroupBy(h => h.Fund.Category)
            .Select(g => new { category = g.Key, value = g.Sum(h => h.Units * h.Fund.Nav) })
            .ToListAsync(ct);
        var total = byCategory.Sum(x => x.value);
        return Json(byCategory.Select(x => new { x.category, x.value, weight = total == 0 ? 0 : x.value / total }));
    }

    [HttpGet, HttpPost]
    [RequireRealName]
    public async Task<IActionResult> Commentary(string? question, [FromServices] PortfolioCommentaryService commentary,
        [FromServices] IContentReviewer review, [FromServices] IAigcTextLabeler label, [FromServices] ISynthesisAuditLog audit,
        CancellationToken ct)
    {
        ViewData["Title"] = "组合点评";
        var asked = string.IsNullOrWhiteSpace(question) ? "请点评我本月的组合表现" : question.Trim();
        asked = await review.EnsureAllowedAsync(asked, ReviewStage.Input, ct);

        var result = await commentary.WriteCommentaryAsync(User.CustomerId(), asked, ct);
        var markdown = await review.EnsureAllowedAsync(result.Markdown, ReviewStage.Output, ct);
        await audit.RecordAsync(markdown, new GenerationRecord
        {
            UserId = User.UserId(),
            Model = result.Model,
            Attributes = { ["feature"] = "portfolio-commentary" }
        }, ct);
        logger.LogInformation("Commentary generated: {Prompt}/{Completion} tokens", result.PromptTokens, result.CompletionTokens);

        return View(new CommentaryViewModel
        {
            Question = question,
            CommentaryHtml = label.Label(markdown).ToHtml(),
            Model = result.Model,
            GeneratedAt = DateTimeOffset.Now
        });
    }
}
