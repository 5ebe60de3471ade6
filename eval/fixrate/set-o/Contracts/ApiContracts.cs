using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace ZhengWuTong.Contracts;

public sealed record PolicyQuestionRequest(
    [property: Required, MaxLength(2000)] string Question,
    string? PolicyCode,
    string? District);

public sealed record PolicyAnswerResponse(
    string AnswerId,
    string Answer,
    string Model,
    int PromptTokens,
    int CompletionTokens);

public sealed record StoredAnswerView(
    string AnswerId,
    string Question,
    string Answer,
    string PolicyCode,
    DateTime CreatedAt);

public sealed record FaqEntry(string Code, string Question, string Answer, string Department);

public sealed record FormAssistRequest(
    [property: Required] string Situation,
    Dictionary<string, string>? FilledFields);

/// <summary>Structured output the model fills in for a form-filling request.</summary>
public sealed class FormFillSuggestion
{
    [Description("Form field code to suggested value")]
    public Dictionary<string, string> Fields { get; set; } = new();

    [Description("Short explanation for the resident, in plain language")]
    public string Explanation { get; set; } = string.Empty;

    [Description("Documents the resident must bring to the service hall")]
    public List<string> RequiredDocuments { get; set; } = new();
}

public sealed record FormValidationRequest(string FormCode, Dictionary<string, string> Fields);

public sealed record FormValidationResult(bool Valid, IReadOnlyList<string> Errors, Dictionary<string, string> Echo);

public sealed record GuideSummaryRequest([property: Required] string PolicyText, string? Audience);

public sealed record LetterDraftRequest(
    [property: Required] string CaseNumber,
    [property: Required] string RecipientName,
    [property: EmailAddress] string RecipientEmail,
    [property: Required] string LetterType,
    [property: Required, MaxLength(4000)] string ClerkNotes);

public sealed record LetterDraftResponse(string LetterId, string DraftBody, string Model, int TotalTokens);

public sealed record LetterSummary(string LetterId, string CaseNumber, string RecipientName, string LetterType,
    string Status, string Model, int TotalTokens, DateTime CreatedAt);

public sealed record FinaliseLetterRequest([property: Required] string FinalBody);

public sealed record NoticeGenerateRequest(
    [property: Required] string Title,
    [property: Required] string Department,
    string DocumentNumber,
    DateTime EffectiveFrom,
    DateTime? EffectiveUntil,
    string ContactPhone,
    [property: Required, MaxLength(3000)] string KeyPoints);

public sealed record NoticeView(
    string Id,
    string Title,
    string Department,
    string DocumentNumber,
    DateTime EffectiveFrom,
    DateTime? EffectiveUntil,
    string ContactPhone,
    string Body,
    string Status);

public sealed record NoticeStats(int Draft, int Approved, int Published, int Withdrawn);

public sealed record PosterRequest([property: Required, MaxLength(500)] string Theme, string? NoticeId, string Size = "1024x1024");

public sealed record BroadcastRequest([property: Required] string Topic, string? NoticeId, int DurationSeconds = 60);

public sealed record BroadcastCreated(string AssetId, string Script, string AudioUrl);

public sealed record AppointmentBookingRequest(string ServiceCode, string HallName, DateTime SlotStartUtc);

public sealed record AppointmentView(string Id, string ServiceName, string HallName, string WindowNumber, DateTime SlotStartUtc, string Status);

public sealed record FeedbackRequest([property: Required] string Category, [property: Required, MaxLength(2000)] string Message);

public sealed record HintSmsRequest([property: Required] string Situation);
