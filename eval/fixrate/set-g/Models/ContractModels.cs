using System.ComponentModel;

namespace LexDesk.Models;

public sealed record ClauseDraftRequest(
    string MatterId, string ClauseType, string PartyA, string PartyB, string? GoverningLaw, string? Instructions, string Language = "zh-CN");

public sealed record ClauseDraftResult(
    string DraftId, string MatterId, string ClauseType, string ClauseText, string Model, long? InputTokens, long? OutputTokens, DateTimeOffset CreatedAt);

public sealed class ContractSummaryRequest
{
    public string MatterId { get; set; } = "";
    public string Title { get; set; } = "";
    public string ContractText { get; set; } = "";
    public string? Focus { get; set; }
}

[Description("Structured summary of a commercial contract")]
public sealed record ContractSummary(
    [property: Description("Two or three sentence overview in Chinese")] string Overview,
    List<string> Parties,
    List<string> KeyObligations,
    List<RiskFlag> RiskFlags,
    string? TerminationTerms);

public sealed record RiskFlag(string ClauseReference, string Severity, string Explanation);

public sealed class ContractSummaryResponse
{
    public required string SummaryId { get; init; }
    public required string MatterId { get; init; }
    public required string Title { get; init; }
    public required ContractSummary Summary { get; init; }
    public string? Model { get; init; }
    public int CharacterCount { get; init; }
    public DateTimeOffset GeneratedAt { get; init; }
}

public sealed record ClauseExplanationRequest(string ClauseText, string Audience = "client", string? ContractType = null);

public sealed record ClauseExplanation(
    string OriginalClause, string PlainLanguage, IReadOnlyList<string> ThingsToWatch, string Model, int TotalTokens, DateTimeOffset ExplainedAt);

public sealed record ChatTurn(string Role, string Content, DateTimeOffset At);
