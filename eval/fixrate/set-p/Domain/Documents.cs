using MongoDB.Bson;
using MongoDB.Bson.Serialization.Attributes;

namespace ClipForge.Domain;

public enum ScriptStatus { Draft, Polished, Archived }

public enum PostStatus { Scheduled, Publishing, Published, Failed, Cancelled }

[BsonIgnoreExtraElements]
public sealed class ScriptDraft
{
    [BsonId, BsonRepresentation(BsonType.ObjectId)]
    public string Id { get; set; } = ObjectId.GenerateNewId().ToString();
    public string OwnerId { get; set; } = string.Empty;
    public string Topic { get; set; } = string.Empty;
    public string Platform { get; set; } = "douyin";
    public int DurationSeconds { get; set; }
    public string Tone { get; set; } = "轻松";
    public string? CreatorNotes { get; set; }
    public string Body { get; set; } = string.Empty;
    public string? Hook { get; set; }
    public string? PolishedBody { get; set; }
    public List<string> TitleOptions { get; set; } = [];
    public List<string> Hashtags { get; set; } = [];
    public string Model { get; set; } = string.Empty;
    public int InputTokens { get; set; }
    public int OutputTokens { get; set; }
    public ScriptStatus Status { get; set; } = ScriptStatus.Draft;
    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
    public DateTime UpdatedAt { get; set; } = DateTime.UtcNow;
}

[BsonIgnoreExtraElements]
public sealed class CoverAsset
{
    [BsonId, BsonRepresentation(BsonType.ObjectId)]
    public string Id { get; set; } = ObjectId.GenerateNewId().ToString();
    public string OwnerId { get; set; } = string.Empty;
    public string? ScriptId { get; set; }
    public string Prompt { get; set; } = string.Empty;
    public string? RevisedPrompt { get; set; }
    public string ObjectKey { get; set; } = string.Empty;
    public int Width { get; set; }
    public int Height { get; set; }
    public long SizeBytes { get; set; }
    public string Model { get; set; } = string.Empty;
    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
}

[BsonIgnoreExtraElements]
public sealed class VoiceOver
{
    [BsonId, BsonRepresentation(BsonType.ObjectId)]
    public string Id { get; set; } = ObjectId.GenerateNewId().ToString();
    public string OwnerId { get; set; } = string.Empty;
    public string ScriptId { get; set; } = string.Empty;
    public string Voice { get; set; } = "alloy";
    public string BlobName { get; set; } = string.Empty;
    public long SizeBytes { get; set; }
    public string Model { get; set; } = string.Empty;
    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
}

[BsonIgnoreExtraElements]
public sealed class SubtitleTrack
{
    [BsonId, BsonRepresentation(BsonType.ObjectId)]
    public string Id { get; set; } = ObjectId.GenerateNewId().ToString();
    public string OwnerId { get; set; } = string.Empty;
    public string VoiceOverId { get; set; } = string.Empty;
    public string Language { get; set; } = "zh";
    public string Format { get; set; } = "srt";
    public string Content { get; set; } = string.Empty;
    public int CueCount { get; set; }
    public string? TranslatedFromId { get; set; }
    public string Model { get; set; } = string.Empty;
    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
}

[BsonIgnoreExtraElements]
public sealed class ScheduledPost
{
    [BsonId, BsonRepresentation(BsonType.ObjectId)]
    public string Id { get; set; } = ObjectId.GenerateNewId().ToString();
    public string OwnerId { get; set; } = string.Empty;
    public string Platform { get; set; } = "douyin";
    public string? ScriptId { get; set; }
    public string? CoverId { get; set; }
    public string? UserCaption { get; set; }
    public string? AiCaption { get; set; }
    public List<string> Hashtags { get; set; } = [];
    public List<string> CaptionVariants { get; set; } = [];
    public DateTimeOffset PublishAt { get; set; }
    public PostStatus Status { get; set; } = PostStatus.Scheduled;
    public string? ExternalPostId { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }
    public string? FailureReason { get; set; }
    public string? CaptionModel { get; set; }
    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
}

[BsonIgnoreExtraElements]
public sealed class ReplyDraft
{
    [BsonId, BsonRepresentation(BsonType.ObjectId)]
    public string Id { get; set; } = ObjectId.GenerateNewId().ToString();
    public string OwnerId { get; set; } = string.Empty;
    public string Platform { get; set; } = "douyin";
    public string CommentId { get; set; } = string.Empty;
    public string CommentText { get; set; } = string.Empty;
    public string? AuthorHandle { get; set; }
    public List<string> Suggestions { get; set; } = [];
    public string? PostedReply { get; set; }
    public DateTimeOffset? PostedAt { get; set; }
    public string Model { get; set; } = string.Empty;
    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
}

[BsonIgnoreExtraElements]
public sealed class WeeklyDigest
{
    [BsonId, BsonRepresentation(BsonType.ObjectId)]
    public string Id { get; set; } = ObjectId.GenerateNewId().ToString();
    public string OwnerId { get; set; } = string.Empty;
    public DateOnly WeekStart { get; set; }
    public long Views { get; set; }
    public long Likes { get; set; }
    public long Comments { get; set; }
    public long Shares { get; set; }
    public int FollowerDelta { get; set; }
    public string? TopPostId { get; set; }
    public string Summary { get; set; } = string.Empty;
    public string Model { get; set; } = string.Empty;
    public DateTimeOffset? EmailedAt { get; set; }
    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
}

[BsonIgnoreExtraElements]
public sealed class PostMetricSnapshot
{
    [BsonId, BsonRepresentation(BsonType.ObjectId)]
    public string Id { get; set; } = ObjectId.GenerateNewId().ToString();
    public string OwnerId { get; set; } = string.Empty;
    public string PostId { get; set; } = string.Empty;
    public DateTime CapturedAt { get; set; }
    public long Views { get; set; }
    public long Likes { get; set; }
    public long Comments { get; set; }
    public long Shares { get; set; }
    public int FollowerDelta { get; set; }
}

[BsonIgnoreExtraElements]
public sealed class CreatorProfile
{
    [BsonId]
    public string UserId { get; set; } = string.Empty;
    public string DisplayName { get; set; } = string.Empty;
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public string Niche { get; set; } = string.Empty;
    public string Language { get; set; } = "zh-CN";
    public bool DigestOptIn { get; set; } = true;
    public bool SmsOptIn { get; set; }
    public List<PushEndpoint> PushEndpoints { get; set; } = [];
    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
}

public sealed class PushEndpoint
{
    public string Endpoint { get; set; } = string.Empty;
    public string P256dh { get; set; } = string.Empty;
    public string Auth { get; set; } = string.Empty;
    public DateTime AddedAt { get; set; } = DateTime.UtcNow;
}

[BsonIgnoreExtraElements]
public sealed class IdentityVerificationRecord
{
    [BsonId]
    public string UserId { get; set; } = string.Empty;
    public string Method { get; set; } = "MobileNumber";
    public DateTimeOffset VerifiedAt { get; set; }
    public string Provider { get; set; } = string.Empty;
    public bool Revoked { get; set; }
}
