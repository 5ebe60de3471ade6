using WealthPal.Data;

namespace WealthPal.Models;

public sealed record HoldingRow(string FundCode, string FundName, string Category, decimal Units, decimal Nav,
    decimal MarketValue, decimal CostBasis, decimal DailyChange)
{
    public decimal UnrealisedPnl => MarketValue - CostBasis;
}

public sealed class PortfolioIndexViewModel
{
    public string CustomerName { get; init; } = "";
    public string RiskLevel { get; init; } = "";
    public IReadOnlyList<HoldingRow> Holdings { get; init; } = [];
    public decimal TotalValue => Holdings.Sum(h => h.MarketValue);
    public decimal TotalPnl => Holdings.Sum(h => h.UnrealisedPnl);
    public DateOnly? NavDate { get; init; }
}

public sealed class CommentaryViewModel
{
    public string? Question { get; init; }
    public string CommentaryHtml { get; init; } = "";
    public string Model { get; init; } = "";
    public DateTimeOffset GeneratedAt { get; init; }
}

public sealed record StatementListItem(Guid Id, int Year, int Month, decimal ClosingValue, decimal Return, StatementStatus Status);

public sealed class StatementDetailViewModel
{
    public required MonthlyStatement Statement { get; init; }
    public IReadOnlyList<StatementLine> Lines { get; init; } = [];
    public string? ExplanationHtml { get; init; }
    public DateTimeOffset? ExplainedAt { get; init; }
}

public sealed class FundDetailViewModel
{
    public required Fund Fund { get; init; }
    public string? MarketingHtml { get; init; }
    public IReadOnlyList<(DateOnly Date, decimal Nav)> NavHistory { get; init; } = [];
}
