using System.ComponentModel;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.SemanticKernel;
using WealthPal.Data;

namespace WealthPal.Ai.Plugins;

public sealed class PortfolioPlugin(WealthDbContext db)
{
    [KernelFunction("get_holdings")]
    [Description("返回客户当前持仓：基金代码、名称、类别、份额、最新净值、市值、成本。")]
    public async Task<string> GetHoldingsAsync([Description("客户ID (GUID)")] string customerId, CancellationToken ct)
    {
        if (!Guid.TryParse(customerId, out var id)) return "无效的客户ID";

        var rows = await db.Holdings.AsNoTracking().Where(h => h.CustomerId == id).Include(h => h.Fund)
            .Select(h => new { h.FundCode, h.Fund.Name, h.Fund.Category, h.Units, h.Fund.Nav, h.Fund.PreviousNav, h.CostBasis })
            .ToListAsync(ct);
        if (rows.Count == 0) return "客户暂无持仓";

        var sb = new StringBuilder("代码|名称|类别|份额|净值|市值|成本|日涨跌\n");
        foreach (var r in rows)
        {
            var mv = r.Units * r.Nav;
            var chg = r.PreviousNav == 0 ? 0 : (r.Nav - r.PreviousNav) / r.PreviousNav;
            sb.AppendLine($"{r.FundCode}|{r.Name}|{r.Category}|{r.Units:F2}|{r.Nav:F4}|{mv:F2}|{r.CostBasis:F2}|{chg:P2}");
        }
        return sb.ToString();
    }

    [KernelFunction("get_risk_level")]
    [Description("返回客户最近一次风险测评等级 (R1-R5) 及有效期。")]
    public async Task<string> GetRiskLevelAsync(string customerId, CancellationToken ct)
    {
        if (!Guid.TryParse(customerId, out var id)) return "无效的客户ID";
        var latest = await db.RiskAssessments.AsNoTracking().Where(r => r.CustomerId == id)
            .OrderByDescending(r => r.CompletedAt).FirstOrDefaultAsync(ct);
        return latest is null ? "未做风险测评" : $"{latest.Level}，有效期至 {latest.ExpiresAt:yyyy-MM-dd}";
    }
}

public sealed class FundFactsPlugin(WealthDbContext db)
{
    [KernelFunction("get_fund_facts")]
    [Description("返回基金概况：名称、类别、风险等级、最新净值、管理费率、托管费率、基金经理。")]
    public async Task<string> GetFundFactsAsync([Description("6位基金代码")] string fundCode, CancellationToken ct)
    {
        var f = await db.Funds.AsNoTracking().FirstOrDefaultAsync(x => x.Code == fundCode, ct);
        return f is null
            ? $"未找到基金 {fundCode}"
            : $"{f.Name}（{f.Code}），{f.Category}，风险等级{f.RiskLevel}，{f.NavDate:yyyy-MM-dd} 净值 {f.Nav:F4}，" +
              $"管理费 {f.ManagementFeeRate:P2}/年，托管费 {f.CustodyFeeRate:P2}/年，基金经理 {f.ManagerName}";
    }
}
