namespace PeiFu.Claims.Contracts;

// Claims (customer side)
public sealed record ClaimChatRequest(string Message);
public sealed record ClaimChatResponse(string ClaimId, string Reply, string Model, int? InputTokens, int? OutputTokens);
public sealed record ClaimOverviewDto(string ClaimId, string PolicyNumber, string Status, string IncidentType,
    DateTimeOffset IncidentDate, decimal ClaimedAmount, decimal? ApprovedAmount, DateTimeOffset UpdatedAt);
public sealed record ClaimMessageDto(string Role, string Content, DateTimeOffset CreatedAt);
public sealed record ClaimSessionDto(string ClaimId, int CustomerTurns, string? Summary, DateTimeOffset? SummarizedAt);
public sealed record PhotoDto(Guid Id, string FileName, string Status, string? DamageDescription, DateTimeOffset UploadedAt);
public sealed record PhotoAcceptedDto(Guid Id, string Status);
public sealed record NoteRequest(string Text);
public sealed record NoteReceipt(string ClaimId, string Text, DateTimeOffset ReceivedAt);
public sealed record UsageDto(string Feature, string Model, int Calls, int InputTokens, int OutputTokens);
public sealed record DownloadLinkDto(string Url, DateTimeOffset ExpiresAt);

// Adjusters
public sealed record DraftLetterRequest(string ClaimId, string Decision, decimal? Amount, string AdjusterNotes);
public sealed record DecisionLetterDto(Guid Id, string ClaimId, string Status, string Body, string Model, DateTimeOffset CreatedAt);
public sealed record LetterListItem(Guid Id, string ClaimId, string Decision, string Status, DateTimeOffset CreatedAt);
public sealed record ToneRewriteRequest(string Paragraph);
public sealed record ToneRewriteResponse(string Rewritten, string Model);

// Fraud desk
public sealed record FraudSummaryRequest(string AnalystNotes);

public sealed class FraudAssessment
{
    public int RiskScore { get; set; }
    public List<string> RedFlags { get; set; } = new();
    public string Summary { get; set; } = "";
    public string RecommendedAction { get; set; } = "";
}

public sealed record FraudSummaryDto(Guid ReviewId, string ClaimId, int RiskScore, IReadOnlyList<string> RedFlags,
    string Summary, string RecommendedAction, string Model);
public sealed record FraudSearchHit(Guid ReviewId, string ClaimId, int RiskScore, string Summary, DateTimeOffset CreatedAt);
public sealed record FraudStatsDto(int Reviews, int Escalated, double AverageRisk, int HighRisk);
public sealed record AnalystNotesDto(Guid ReviewId, string ClaimId, string AnalystId, string Notes, DateTimeOffset CreatedAt);

// Policy Q&A
public sealed record PolicyQuestion(string PolicyNumber, string Question);
public sealed record PolicyAnswer(string PolicyNumber, string Answer, string Model);
public sealed record PolicyDetailsDto(string PolicyNumber, string Product, DateOnly EffectiveFrom, DateOnly ExpiresOn,
    decimal Premium, decimal Deductible, bool AutoRenew);
public sealed record CoverageCompareRequest(string PolicyNumber, string OtherProductDescription);

public sealed class CoverageComparison
{
    public string Summary { get; set; } = "";
    public List<string> Covered { get; set; } = new();
    public List<string> NotCovered { get; set; } = new();
    public List<string> Caveats { get; set; } = new();
}

public sealed record ReminderDto(Guid Id, string Channel, string Body, DateTimeOffset CreatedAt, DateTimeOffset? SentAt);

// Media
public sealed record ExplainerImageRequest(string Topic, string? Style);
public sealed record GeneratedAssetDto(string Key, string Url, DateTimeOffset ExpiresAt, string Model);
public sealed record VoiceReplyRequest(string CallId, string CallerId, string Transcript);
public sealed record VoiceCallbackRequest(string CustomerId, string Topic);
public sealed record VoiceCallbackAccepted(string CallbackId, string Status);
