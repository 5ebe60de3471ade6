using System.Text;
using DeepSynth.Compliance;
using DeepSynth.Compliance.Labeling;
using DeepSynth.Compliance.Metadata;
using Hangfire;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using WealthPal.Data;
using WealthPal.Infrastructure;
using WealthPal.Jobs;
using WealthPal.Models;

namespace WealthPal.Controllers;

[Authorize]
public sealed class StatementsController(WealthDbContext db, IAigcTextLabeler label) : Controller
{
    public async Task<IActionResult> Index(int? year, CancellationToken ct)
    {
        var customerId = User.CustomerId();
        var y = year ?? DateTime.Today.Year;
        var rows = await db.Statements.AsNoTracking()
            .Where(s => s.CustomerId == customerId && s.Year == y)
            .OrderByDescending(s => s.Month)
            .Select(s => new { s.Id, s.Year, s.Month, s.ClosingValue, s.OpeningValue, s.NetFlows, s.Status })
            .ToListAsync(ct);

        ViewData["Title"] = $"{y} 年对账单";
        ViewBag.Year = y;
        return View(rows.Select(s => new StatementListItem(s.Id, s.Year, s.Month, s.ClosingValue,
            s.OpeningValue == 0 ? 0 : (s.ClosingValue - s.OpeningValue - s.NetFlows) / s.OpeningValue, s.Status)).ToList());
    }

    [RequireRealName]
    public async Task<IActionResult> Detail(Guid id, CancellationToken ct)
    {
        var st = await Load(id, ct);
        if (st is null) return NotFound();

        ViewData["Title"] = $"{st.Year}年{st.Month}月对账单";
        return View(new StatementDetailViewModel
        {
            Statement = st,
            Lines = st.Lines.OrderBy(l => l.Date).ToList(),
            ExplanationHtml = st.Explanation is null ? null : label.Label(st.Explanation).ToHtml(),
            ExplainedAt = st.ExplainedAt
        });
    }

    [RequireRealName]
    public async Task<IActionResult> Download(Guid id, [FromServices] IAigcFileLabeler fileLabeler, CancellationToken ct)
    {
        var st = await Load(id, ct);
        if (st?.Explanation is null) return NotFound();

        var md = new StringBuilder()
            .AppendLine($"# {st.Year}年{st.Month}月 对账单解读").AppendLine()
            .AppendLine($"期末资产：¥{st.ClosingValue:N2}　本期收益率：{st.Return:P2}").AppendLine()
            .AppendLine(label.Label(st.Explanation))
            .ToString();

        var fileName = $"statement-{st.Year}-{st.Month:D2}.md";
        var bytes = fileLabeler.Label(Encoding.UTF8.GetBytes(md), new FileLabelRequest { FileName = fileName }, ct);
        return File(bytes, "text/markdown; charset=utf-8", fileName);
    }

    [HttpPost, ValidateAntiForgeryToken]
    public async Task<IActionResult> RequestExplanation(Guid id, [FromServices] IBackgroundJobClient jobs, CancellationToken ct)
    {
        var customerId = User.CustomerId();
        var exists = await db.Statements.AnyAsync(s => s.Id == id && s.CustomerId == customerId && s.Status != StatementStatus.Open, ct);
        if (!exists) return NotFound();

        var jobId = jobs.Enqueue<StatementExplanationJob>(j => j.ExplainAsync(id, CancellationToken.None));
        TempData["Notice"] = "解读生成中，请稍后刷新页面";
        return Json(new { jobId, statementId = id, queuedAt = DateTimeOffset.UtcNow });
    }

    private Task<MonthlyStatement?> Load(Guid id, CancellationToken ct)
    {
        var customerId = User.CustomerId();
        return db.Statements.AsNoTracking().Include(s => s.Lines)
            .FirstOrDefaultAsync(s => s.Id == id && s.CustomerId == customerId, ct);
    }
}
