using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using System.Text.Json.Serialization;

namespace ClipForge.Contracts;

public sealed record GenerateScriptRequest(
    [property: Required, MaxLength(200)] string Topic,
    string Platform = "douyin",
    int DurationSeconds = 60,
    string? Tone = null,
    [property: MaxLength(2000)] string? Notes = null);

public sealed record ScriptResponse(string Id, string Topic, string Body, string? Hook, DateTime CreatedAt);

public sealed record ScriptSummary(string Id, string Topic, string Platform, string Status, string Model, int TotalTokens, DateTime CreatedAt);

public sealed record PolishRequest(string Style = "口语化");

public sealed record EmailScriptRequest([property: Required, EmailAddress] string To, string? Note);

public sealed record TopicPreviewRequest(string Topic, string Platform);

/// <summary>Structured output returned by the title model.</summary>
public sealed class TitleSuggestions
{
    [JsonPropertyName("titles")] public List<string> Titles { get; set; } = [];
    [JsonPropertyName("hashtags")] public List<string> Hashtags { get; set; } = [];
    [JsonPropertyName("hook")] public string? Hook { get; set; }
}

public sealed record CoverRequest(string? ScriptId, [property: Required, MaxLength(1000)] string Prompt, string Style = "清新写实");

public sealed record CoverResponse(string Id, string Url, string ThumbnailUrl, int Width, int Height);

public sealed record CoverInfo(string Id, string? ScriptId, int Width, int Height, long SizeBytes, string Model, DateTime CreatedAt);

public sealed record VoiceOverRequest([property: Required] string ScriptId, string Voice = "alloy");

public sealed record VoiceOverResponse(string Id, Uri Url, long SizeBytes);

public sealed record SubtitleRequest([property: Required] string VoiceOverId, string Language = "zh", string Format = "srt");

public sealed record SubtitleCreated(string Id, string Format, int CueCount);

public sealed record TranslateSubtitleRequest(string TargetLanguage = "en");

public sealed record TranslatedSubtitleResponse(string Id, string Language, string Content);

public sealed record SchedulePostRequest(
    [property: Required] string Platform,
    string? ScriptId,
    string? CoverId,
    [property: MaxLength(1000)] string? UserCaption,
    bool GenerateCaption,
    DateTimeOffset PublishAt);

public sealed record PostResponse(
    string Id,
    string Platform,
    string Status,
    DateTimeOffset PublishAt,
    string? UserCaption,
    string? AiCaption,
    IReadOnlyList<string> Hashtags);

public sealed record PostListItem(string Id, string Platform, string Status, DateTimeOffset PublishAt, bool HasAiCaption, string? ExternalPostId);

public sealed record CaptionVariantsRequest(int Count = 3);

public sealed record AcceptedJob(string JobId, string Status);

public sealed record ReplySuggestionRequest(
    [property: Required] string Platform,
    [property: Required] string CommentId,
    [property: Required, MaxLength(1000)] string CommentText,
    string? AuthorHandle,
    string? PostContext);

public sealed record ReplySuggestionsResponse(string DraftId, IReadOnlyList<string> Suggestions);

public sealed record ReplyDraftView(string Id, string CommentText, string? AuthorHandle, IReadOnlyList<string> Suggestions, string? PostedReply);

public sealed record CommentStats(long Drafts, long Posted, long PendingAutoReplies);

public sealed record AssistantMessageRequest(string? SessionId, [property: Required, MaxLength(4000)] string Message);

public sealed record AssistantReply(string SessionId, string Reply, string Model);

public sealed record DigestResponse(string Id, DateOnly WeekStart, long Views, long Likes, long Comments, long Shares, int FollowerDelta, string Summary);

public sealed record DigestHistoryItem(string Id, DateOnly WeekStart, long Views, long Likes, int FollowerDelta, bool Emailed);

public sealed record PushSubscriptionRequest([property: Required] string Endpoint, [property: Required] string P256dh, [property: Required] string Auth);

public sealed record ProfileResponse(string UserId, string DisplayName, string? Email, string Niche, bool DigestOptIn, bool SmsOptIn, int PushEndpoints);

public sealed record UsageResponse(int Scripts, int Covers, int VoiceOvers, long InputTokens, long OutputTokens);

public static class ClaimsPrincipalExtensions
{
    public static string GetUserId(this ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier)
        ?? user.FindFirstValue("sub")
        ?? throw new InvalidOperationException("Authenticated principal has no subject claim.");
}
