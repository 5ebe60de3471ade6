using DeepSynth.Compliance;
using DeepSynth.Compliance.Audit;
using DeepSynth.Compliance.Labeling;
using DeepSynth.Compliance.Review;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using WealthPal.Ai;
using WealthPal.Data;
using WealthPal.Infrastructure;
using WealthPal.Models;

namespace WealthPal.Controllers.Api;

/// <summary>Mobile app: portfolio ideas, fund comparison and statements.</summary>
[Route("api/portfolio")]
[Authorize(AuthenticationSchemes = JwtBearerDefaults.AuthenticationScheme)]
public sealed class PortfolioApiController(WealthDbContext db, IContentReviewer review, IAigcTextLabeler label,
    ISynthesisAuditLog audit) : WealthApiController
{
    [HttpGet("ideas")]
    [RequireRealName]
    public async Task<ApiEnvelope<List<RebalanceIdeaDto>>> Ideas([FromServices] PortfolioCommentaryService service, CancellationToken ct)
    {
        var ideas = await service.SuggestRebalancingAsync(User.CustomerId(), ct);
        var shelf = await db.Funds.AsNoTracking().Select(f => f.Code).ToListAsync(ct);

        var valid = ideas.Where(i => shelf.Contains(i.FundCode)).Take(5).ToList();
        await review.EnsureAllTextAllowedAsync(valid, ReviewStage.Output, ct);
        await audit.RecordAllTextAsync(valid, new GenerationRecord { UserId = User.UserId(), Model = "qwen-plus" }, ct);

        return valid
            .Select(i => new RebalanceIdeaDto(i.FundCode, i.Action, Math.Round(i.SuggestedWeight, 2), label.Label(i.Rationale)))
            .ToList()
            .Wrap();
    }

    [HttpPost("compare")]
    [RequireRealName]
    public async Task<IActionResult> Compare(FundCompareRequest request, [FromServices] ZhipuGlmClient glm, CancellationToken ct)
    {
        var funds = await db.Funds.AsNoTracking().Where(f => request.FundCodes.Contains(f.Code)).ToListAsync(ct);
        if (funds.Count < 2) return ValidationProblem("至少选择两只在售基金");

        var question = string.IsNullOrWhiteSpace(request.Question)
            ? "请对比这些基金的风险收益特征与费用"
            : await review.EnsureAllowedAsync(request.Question, ReviewStage.Input, ct);
        var facts = string.Join("\n", funds.Select(f =>
            $"{f.Code} {f.Name}：{f.Category}，{f.RiskLevel}，净值 {f.Nav:F4}，管理费 {f.ManagementFeeRate:P2}，托管费 {f.CustodyFeeRate:P2}，经理 {f.ManagerName}"));

        var raw = await glm.CompleteRawAsync(
        [
            WireMessage.System("你是基金对比助手，用表格和不超过200字的说明对比，不推荐买卖。"),
            WireMessage.User($"{facts}\n\n{question}")
        ], 0.2, ct);

        var parsed = CompletionParsing.Parse(raw, glm.Model);
        await audit.RecordAsync(parsed.Content, new GenerationRecord { UserId = User.UserId(), Model = parsed.Model }, ct);
        return Content(label.LabelJson(raw, "choices.0.message.content"), "application/json");
    }

    [HttpGet("statements")]
    public async Task<ApiEnvelope<List<MobileStatementDto>>> Statements([FromQuery] int? year, CancellationToken ct)
    {
        var customerId = User.CustomerId();
        var y = year ?? DateTime.Today.Year;
        var rows = await db.Statements.AsNoTracking().Where(s => s.CustomerId == customerId && s.Year == y)
            .OrderByDescending(s => s.Month)
            .Select(s => new MobileStatementDto(s.Id, s.Year + "-" + s.Month, s.OpeningValue, s.ClosingValue, s.Dividends, s.Fees, s.Status.ToString()))
            .ToListAsync(ct);
        return rows.Wrap();
    }

    [HttpGet("statements/{id:guid}/explanation")]
    [RequireRealName]
    public async Task<ActionResult<ExplanationDto>> StatementExplanation(Guid id, CancellationToken ct)
    {
        var customerId = User.CustomerId();
        var st = await db.Statements.AsNoTracking()
            .Where(s => s.Id == id && s.CustomerId == customerId)
            .Select(s => new { s.Explanation, s.ExplanationModel })
            .FirstOrDefaultAsync(ct);
        if (st?.Explanation is null) return NotFoundProblem("对账单解读");

        return new ExplanationDto(label.Label(st.Explanation), st.ExplanationModel ?? "");
    }
}
