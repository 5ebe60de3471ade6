using LiteDB;

namespace ZhengWuTong.Domain;

public enum NoticeStatus
{
    Draft,
    Approved,
    Published,
    Withdrawn
}

public enum LetterStatus
{
    Drafted,
    Finalised,
    Sent,
    Failed
}

public enum AppointmentStatus
{
    Booked,
    Reminded,
    Completed,
    Cancelled,
    NoShow
}

/// <summary>A resident or clerk account mirrored from the city SSO.</summary>
public sealed class CitizenAccount
{
    [BsonId]
    public string Id { get; set; } = default!;
    public string DisplayName { get; set; } = string.Empty;
    public string? MobileNumber { get; set; }
    public string? Email { get; set; }
    public string? TelegramChatId { get; set; }
    public string PreferredLanguage { get; set; } = "zh-CN";
    public DateTimeOffset? RealNameVerifiedAt { get; set; }
    public string? RealNameMethod { get; set; }
    public string District { get; set; } = string.Empty;
}

public sealed class PolicyAnswerRecord
{
    [BsonId]
    public ObjectId Id { get; set; } = ObjectId.NewObjectId();
    public string CitizenId { get; set; } = default!;
    public string Question { get; set; } = string.Empty;
    public string Answer { get; set; } = string.Empty;
    public string PolicyCode { get; set; } = string.Empty;
    public string Model { get; set; } = string.Empty;
    public int PromptTokens { get; set; }
    public int CompletionTokens { get; set; }
    public bool Helpful { get; set; }
    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
}

public sealed class PublicNotice
{
    [BsonId]
    public ObjectId Id { get; set; } = ObjectId.NewObjectId();

    // Entered by the clerk.
    public string Title { get; set; } = string.Empty;
    public string Department { get; set; } = string.Empty;
    public string DocumentNumber { get; set; } = string.Empty;
    public DateTime EffectiveFrom { get; set; }
    public DateTime? EffectiveUntil { get; set; }
    public string ContactPhone { get; set; } = string.Empty;
    public string KeyPoints { get; set; } = string.Empty;

    // Produced by the model.
    public string Body { get; set; } = string.Empty;
    public string? EnglishBody { get; set; }
    public string? Summary { get; set; }

    public string Model { get; set; } = string.Empty;
    public NoticeStatus Status { get; set; } = NoticeStatus.Draft;
    public string CreatedBy { get; set; } = string.Empty;
    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
    public DateTime? PublishedAt { get; set; }
    public string? PosterFileId { get; set; }
}

public sealed class LetterDraft
{
    [BsonId]
    public ObjectId Id { get; set; } = ObjectId.NewObjectId();
    public string CaseNumber { get; set; } = string.Empty;
    public string RecipientName { get; set; } = string.Empty;
    public string RecipientEmail { get; set; } = string.Empty;
    public string LetterType { get; set; } = string.Empty;
    public string ClerkId { get; set; } = string.Empty;
    public string ClerkNotes { get; set; } = string.Empty;
    public string DraftBody { get; set; } = string.Empty;
    public string? FinalBody { get; set; }
    public string Model { get; set; } = string.Empty;
    public int TotalTokens { get; set; }
    public LetterStatus Status { get; set; } = LetterStatus.Drafted;
    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
    public DateTime? SentAt { get; set; }
}

public sealed class Appointment
{
    [BsonId]
    public ObjectId Id { get; set; } = ObjectId.NewObjectId();
    public string CitizenId { get; set; } = default!;
    public string ServiceCode { get; set; } = string.Empty;
    public string ServiceName { get; set; } = string.Empty;
    public string HallName { get; set; } = string.Empty;
    public string WindowNumber { get; set; } = string.Empty;
    public DateTime SlotStartUtc { get; set; }
    public AppointmentStatus Status { get; set; } = AppointmentStatus.Booked;
    public string? ReminderText { get; set; }
    public DateTime? RemindedAt { get; set; }
}

public sealed class ChatTurn
{
    public string Role { get; set; } = "user";
    public string Text { get; set; } = string.Empty;
    public DateTime At { get; set; } = DateTime.UtcNow;
}

public sealed class ChatSession
{
    [BsonId]
    public string Id { get; set; } = Guid.NewGuid().ToString("N");
    public string CitizenId { get; set; } = default!;
    public string Topic { get; set; } = string.Empty;
    public List<ChatTurn> Turns { get; set; } = new();
    public DateTime StartedAt { get; set; } = DateTime.UtcNow;
    public DateTime LastActivityAt { get; set; } = DateTime.UtcNow;
}

public sealed class MediaAsset
{
    [BsonId]
    public string Id { get; set; } = Guid.NewGuid().ToString("N");
    public string Kind { get; set; } = "poster";
    public string ContentType { get; set; } = "image/png";
    public string FileId { get; set; } = string.Empty;
    public string Prompt { get; set; } = string.Empty;
    public string? Script { get; set; }
    public string Model { get; set; } = string.Empty;
    public string OwnerId { get; set; } = string.Empty;
    public long SizeBytes { get; set; }
    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
}

public sealed class FeedbackTicket
{
    [BsonId]
    public ObjectId Id { get; set; } = ObjectId.NewObjectId();
    public string CitizenId { get; set; } = default!;
    public string Category { get; set; } = string.Empty;
    public string Message { get; set; } = string.Empty;
    public string? AutoReply { get; set; }
    public bool Closed { get; set; }
    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
}

public sealed class NoticeSubscription
{
    [BsonId]
    public ObjectId Id { get; set; } = ObjectId.NewObjectId();
    public string Email { get; set; } = string.Empty;
    public string Language { get; set; } = "en";
    public string District { get; set; } = string.Empty;
    public bool Active { get; set; } = true;
}
