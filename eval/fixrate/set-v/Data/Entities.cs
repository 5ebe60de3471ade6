using System.ComponentModel.DataAnnotations;
using DeepSynth.Compliance.RealName;

namespace WealthPal.Data;

public enum StatementStatus { Open, Closed, Explained, Failed }
public enum MeetingStatus { Scheduled, Held, Summarised, Cancelled }
public enum DraftStatus { Draft, Approved, Published, Withdrawn }

public class Customer
{
    public Guid Id { get; set; }
    [MaxLength(64)] public string ExternalUserId { get; set; } = "";
    [MaxLength(64)] public string FullName { get; set; } = "";
    [MaxLength(20)] public string Mobile { get; set; } = "";
    [MaxLength(128)] public string Email { get; set; } = "";
    [MaxLength(4)] public string RiskLevel { get; set; } = "R2";
    [MaxLength(64)] public string? WeComExternalId { get; set; }
    public Guid? AdvisorId { get; set; }
    public Advisor? Advisor { get; set; }
    public bool SmsOptIn { get; set; }
    public bool MarketingOptIn { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public List<Holding> Holdings { get; set; } = [];
}

public class Advisor
{
    public Guid Id { get; set; }
    [MaxLength(64)] public string UserId { get; set; } = "";
    [MaxLength(64)] public string Name { get; set; } = "";
    [MaxLength(64)] public string Branch { get; set; } = "";
    [MaxLength(128)] public string Email { get; set; } = "";
    [MaxLength(32)] public string LicenseNo { get; set; } = "";
}

public class RealNameRecord
{
    [Key, MaxLength(64)] public string UserId { get; set; } = "";
    public RealNameMethod Method { get; set; }
    public DateTimeOffset VerifiedAt { get; set; }
    [MaxLength(32)] public string Channel { get; set; } = "counter";
    public DateTimeOffset? RevokedAt { get; set; }
}

public class Fund
{
    [Key, MaxLength(12)] public string Code { get; set; } = "";
    [MaxLength(128)] public string Name { get; set; } = "";
    [MaxLength(32)] public string Category { get; set; } = "";
    [MaxLength(4)] public string RiskLevel { get; set; } = "R3";
    public decimal Nav { get; set; }
    public decimal PreviousNav { get; set; }
    public DateOnly NavDate { get; set; }
    public decimal ManagementFeeRate { get; set; }
    public decimal CustodyFeeRate { get; set; }
    [MaxLength(64)] public string ManagerName { get; set; } = "";
    [MaxLength(128)] public string? MarketingHeadline { get; set; }
    public string? MarketingBody { get; set; }
    public DateTimeOffset? MarketingPublishedAt { get; set; }

    public decimal DailyChange => PreviousNav == 0 ? 0 : (Nav - PreviousNav) / PreviousNav;
}

public class Holding
{
    public Guid Id { get; set; }
    public Guid CustomerId { get; set; }
    [MaxLength(12)] public string FundCode { get; set; } = "";
    public Fund Fund { get; set; } = null!;
    public decimal Units { get; set; }
    public decimal CostBasis { get; set; }
}

public class MonthlyStatement
{
    public Guid Id { get; set; }
    public Guid CustomerId { get; set; }
    public Customer Customer { get; set; } = null!;
    public int Year { get; set; }
    public int Month { get; set; }
    public decimal OpeningValue { get; set; }
    public decimal ClosingValue { get; set; }
    public decimal NetFlows { get; set; }
    public decimal Dividends { get; set; }
    public decimal Fees { get; set; }
    public StatementStatus Status { get; set; }
    public string? Explanation { get; set; }
    [MaxLength(64)] public string? ExplanationModel { get; set; }
    public DateTimeOffset? ExplainedAt { get; set; }
    public List<StatementLine> Lines { get; set; } = [];

    public decimal Return => OpeningValue == 0 ? 0 : (ClosingValue - OpeningValue - NetFlows) / OpeningValue;
}

public class StatementLine
{
    public Guid Id { get; set; }
    public Guid StatementId { get; set; }
    public DateOnly Date { get; set; }
    [MaxLength(12)] public string FundCode { get; set; } = "";
    [MaxLength(128)] public string Description { get; set; } = "";
    public decimal Amount { get; set; }
    public decimal Units { get; set; }
}

public class AdvisorMeeting
{
    public Guid Id { get; set; }
    public Guid AdvisorId { get; set; }
    public Advisor Advisor { get; set; } = null!;
    public Guid CustomerId { get; set; }
    public Customer Customer { get; set; } = null!;
    public DateTimeOffset ScheduledAt { get; set; }
    [MaxLength(128)] public string Topic { get; set; } = "";
    public string? AdvisorNotes { get; set; }
    public string? Transcript { get; set; }
    public string? Summary { get; set; }
    [MaxLength(64)] public string? SummaryModel { get; set; }
    public MeetingStatus Status { get; set; }
}

public class MarketingDraft
{
    public Guid Id { get; set; }
    [MaxLength(12)] public string FundCode { get; set; } = "";
    [MaxLength(16)] public string Channel { get; set; } = "app";
    public string Brief { get; set; } = "";
    [MaxLength(128)] public string Headline { get; set; } = "";
    public string Body { get; set; } = "";
    [MaxLength(64)] public string CreatedBy { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DraftStatus Status { get; set; }
    [MaxLength(64)] public string? ApprovedBy { get; set; }
}

public class ChatSessionRecord
{
    public Guid Id { get; set; }
    public Guid CustomerId { get; set; }
    [MaxLength(16)] public string Channel { get; set; } = "app";
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset LastActiveAt { get; set; }
    public int TurnCount { get; set; }
    public int? Rating { get; set; }
    public string? RatingComment { get; set; }
}

public class ChatTurn
{
    public long Id { get; set; }
    public Guid SessionId { get; set; }
    [MaxLength(16)] public string Role { get; set; } = "user";
    public string Content { get; set; } = "";
    public DateTimeOffset At { get; set; }
    [MaxLength(64)] public string? Model { get; set; }
    public int? Tokens { get; set; }
}

public class InAppMessage
{
    public long Id { get; set; }
    public Guid CustomerId { get; set; }
    [MaxLength(16)] public string Category { get; set; } = "system";
    [MaxLength(128)] public string Title { get; set; } = "";
    public string Body { get; set; } = "";
    [MaxLength(256)] public string? DeepLink { get; set; }
    public bool IsRead { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

public class ReportAsset
{
    public Guid Id { get; set; }
    public Guid? CustomerId { get; set; }
    [MaxLength(16)] public string Kind { get; set; } = "illustration";
    [MaxLength(256)] public string RelativePath { get; set; } = "";
    [MaxLength(64)] public string Model { get; set; } = "";
    public int Width { get; set; }
    public int Height { get; set; }
    [MaxLength(64)] public string CreatedBy { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
}

public class RiskAssessment
{
    public Guid Id { get; set; }
    public Guid CustomerId { get; set; }
    public int Score { get; set; }
    [MaxLength(4)] public string Level { get; set; } = "R1";
    public string AnswersJson { get; set; } = "{}";
    public DateTimeOffset CompletedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
}

public class ModelUsage
{
    public long Id { get; set; }
    [MaxLength(32)] public string Feature { get; set; } = "";
    [MaxLength(64)] public string Model { get; set; } = "";
    public int PromptTokens { get; set; }
    public int CompletionTokens { get; set; }
    public DateTimeOffset At { get; set; }
}
