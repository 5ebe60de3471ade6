using System.ComponentModel.DataAnnotations;

namespace WealthPal.Models;

public sealed record ChatAskRequest([Required, MaxLength(2000)] string Message, Guid? SessionId);
public sealed record ChatReplyDto(Guid SessionId, string Reply, string Model, TokenUsageDto Usage);
public sealed record TokenUsageDto(int PromptTokens, int CompletionTokens);
public sealed record ChatSessionSummaryDto(Guid Id, string Channel, DateTimeOffset StartedAt, DateTimeOffset LastActiveAt, int TurnCount, int? Rating);
public sealed record ChatTurnDto(string Role, string Content, DateTimeOffset At);
public sealed record ChatFeedbackRequest([Range(1, 5)] int Rating, [MaxLength(500)] string? Comment);

public sealed record KbQuestion([Required, MaxLength(500)] string Question, string? ProductCode);
public sealed record KbAnswerDto(string Answer, IReadOnlyList<KbSourceDto> Sources);
public sealed record KbSourceDto(string Id, string Title, string Url);

public sealed record RiskQuestionDto(int Id, string Text, IReadOnlyList<RiskOptionDto> Options);
public sealed record RiskOptionDto(string Key, string Text, int Score);
public sealed record RiskSubmission(Dictionary<int, string> Answers);
public sealed record RiskResultDto(Guid AssessmentId, int Score, string Level, string LevelName, DateTimeOffset ExpiresAt);
public sealed record ExplainRiskRequest(Guid AssessmentId, [MaxLength(1000)] string? Concern);
public sealed record ExplanationDto(string Text, string Model);

public sealed record IvrAnswerRequest([Required] string CallId, [Required] string CallerNumber, [Required, MaxLength(600)] string Transcript);
public sealed record IvrCallEvent(string CallId, string Event, DateTimeOffset At, int? DurationSeconds);

public sealed record IllustrationRequest(string Quarter, [MaxLength(200)] string? Theme);
public sealed record BannerRequest([Required] string FundCode, [Required, MaxLength(300)] string VisualBrief, int Width = 1280, int Height = 720);
public sealed record ReportAssetDto(Guid Id, string Kind, string Url, int Width, int Height, DateTimeOffset CreatedAt);

public sealed record DraftRequest([Required] string FundCode, [Required] string Channel, [Required, MaxLength(1500)] string Brief);
public sealed record DraftDto(Guid Id, string FundCode, string Channel, string Headline, string Body);
public sealed record VariantsRequest([Required] string FundCode, [Required, MaxLength(1500)] string Brief, [Range(2, 5)] int Count = 3);
public sealed record CampaignRowDto(Guid Id, string FundCode, string Channel, string Status, string CreatedBy, DateTimeOffset CreatedAt, string? ApprovedBy);

public sealed record InboxItemDto(long Id, string Category, string Title, string Body, string? DeepLink, bool IsRead, DateTimeOffset CreatedAt);

public sealed record RebalanceIdeaDto(string FundCode, string Action, decimal SuggestedWeight, string Rationale);
public sealed record FundCompareRequest([Required, MinLength(2)] string[] FundCodes, [MaxLength(500)] string? Question);

public sealed record MobileStatementDto(Guid Id, string Period, decimal OpeningValue, decimal ClosingValue, decimal Dividends, decimal Fees, string Status);
