namespace StarHarbor.LiveOps.Models;

// Cosmos documents. The client is configured with System.Text.Json web defaults, so "Id" is stored as "id".

public sealed record PlayerProfileDoc(
    string Id, string Nickname, string Email, string Region, int Level, string? GuildId,
    bool DigestOptIn, string Locale, DateTimeOffset CreatedAt);

public sealed record IdentityRecordDoc(
    string Id, string Method, DateTimeOffset VerifiedAt, string Source, bool Revoked);

public sealed record QuestDoc(
    string Id, string PlayerId, string NpcId, string Title, string Objective, string Narrative,
    int RewardGold, int RequiredKills, int Progress, string Status, string Model, DateTimeOffset CreatedAt);

public sealed record AnnouncementDoc
{
    public required string Id { get; init; }
    public required string Kind { get; init; }
    public required string Region { get; init; }
    public required string Headline { get; init; }
    public IReadOnlyList<string> Changelog { get; init; } = [];
    public string? DraftBody { get; init; }
    public string? EditedBody { get; init; }
    public string? PublishedBody { get; init; }
    public Dictionary<string, string> Translations { get; init; } = new();
    public string Status { get; init; } = "draft";
    public required string CreatedBy { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? PublishAt { get; init; }
    public long Views { get; init; }
    public int PushDeliveries { get; init; }
    public string? Model { get; init; }
}

public sealed record ReplyEntry(string AuthorId, string AuthorName, string Body, DateTimeOffset At);

public sealed record PostDoc
{
    public required string Id { get; init; }
    public required string BoardId { get; init; }
    public required string AuthorId { get; init; }
    public required string AuthorName { get; init; }
    public required string Title { get; init; }
    public required string Body { get; init; }
    public int Likes { get; init; }
    public string Visibility { get; init; } = "visible";
    public string? ModerationNote { get; init; }
    public List<ReplyEntry> Replies { get; init; } = [];
    public DateTimeOffset CreatedAt { get; init; }
}

public sealed record FanArtDoc(
    string Id, string ArtistId, string ArtistName, string Title, string Prompt, string Caption,
    string AssetPath, int Likes, string Model, DateTimeOffset CreatedAt);

public sealed record MailboxLetterDoc(
    string Id, string PlayerId, string Sender, string Subject, string Body, string Kind,
    IReadOnlyList<string> Attachments, bool Read, DateTimeOffset SentAt);

public sealed record MatchPlayerLine(string PlayerId, string Nickname, string Team, int Kills, int Deaths, int Assists, int Score);

public sealed record MatchDoc
{
    public required string Id { get; init; }
    public required string Mode { get; init; }
    public required string Map { get; init; }
    public required string ReportedBy { get; init; }
    public string? GuildId { get; init; }
    public int DurationSeconds { get; init; }
    public string WinningTeam { get; init; } = "";
    public List<MatchPlayerLine> Players { get; init; } = [];
    public string? MvpPlayerId { get; init; }
    public string? Recap { get; init; }
    public string? RecapModel { get; init; }
    public DateTimeOffset FinishedAt { get; init; }
}

public sealed record PushSubscriptionDoc(
    string Id, string PlayerId, string Region, string Endpoint, string P256dh, string Auth, DateTimeOffset CreatedAt);

public sealed record BountyDoc(
    string Id, string Region, string Date, string Title, string Description, int RewardGold, string Difficulty);

public sealed record LiveEventDoc(
    string Id, string Name, string Region, DateTimeOffset StartsAt, DateTimeOffset EndsAt, bool Featured, string Blurb);

public sealed record GuideQuestionStatDoc(string Id, string Question, int AskedCount, DateTimeOffset LastAskedAt);

public sealed record GuideArticleDoc(string Id, string Topic, string Title, string Body, DateTimeOffset UpdatedAt);
