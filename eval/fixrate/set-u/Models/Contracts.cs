namespace StarHarbor.LiveOps.Models;

public sealed record NpcTalkRequest(string Message);
public sealed record NpcTalkResponse(string NpcId, string NpcName, string Reply, string Emotion, int TokensUsed);
public sealed record NpcSummary(string Id, string Name, string Zone, string Title);

public sealed record QuestRequest(string? PreferredTheme, int? Level);
public sealed record QuestView(string Id, string NpcId, string Notice, string Title, string Objective, string Narrative, int RewardGold);
public sealed record QuestProgressView(string QuestId, string Status, int Progress, int Required, double Percent);

public sealed record AnnouncementDraftRequest(string Kind, string Region, string Headline, IReadOnlyList<string> Changelog, string Tone);
public sealed record AnnouncementDraftView(string Id, string Headline, string Body, string Model, int PromptTokens, int CompletionTokens);
public sealed record AnnouncementEditRequest(string Body);
public sealed record AnnouncementPublishRequest(DateTimeOffset? PublishAt);
public sealed record PublishedAnnouncementView(string Id, string Kind, string Headline, string Body, DateTimeOffset? PublishAt);
public sealed record AnnouncementScheduleItem(string Id, string Headline, string Kind, string Status, DateTimeOffset? PublishAt);
public sealed record AnnouncementStats(string Id, long Views, int PushDeliveries, string Status);

public sealed record AvatarRequest(string Prompt, string Style);
public sealed record FanArtRequest(string Title, string Prompt);
public sealed record FanArtCreated(string Id, string ImageUrl, string Caption, string PageUrl);
public sealed record FanArtInfo(string Id, string Title, string ArtistName, int Likes, DateTimeOffset CreatedAt);
public sealed record VoiceLineRequest(string NpcId, string Line, double Speed = 1.0);
public sealed record QuotaView(int ImagesUsed, int ImagesLimit, int VoiceUsed, int VoiceLimit, DateOnly ResetsOn);

public sealed record GuideQuestion(string Question, string? Topic);
public sealed record GuideAnswer(string Question, string Answer, bool Cached, string Model);
public sealed record FaqItem(string Question, int AskedCount);

public sealed record CreatePostRequest(string BoardId, string Title, string Body);
public sealed record PostCreatedResponse(string Id, string Visibility, string? ModerationNote);
public sealed record PostListItem(string Id, string Title, string AuthorName, int Likes, int ReplyCount, DateTimeOffset CreatedAt);
public sealed record ReplyRequest(string Body);
public sealed record ThreadSummary(string PostId, string Summary, int RepliesRead);
public sealed record LeaderboardRow(int Rank, string Nickname, int Score, string GuildName);
public sealed record PushSubscriptionRequest(string Endpoint, string P256dh, string Auth);

public sealed record MatchScoreboard(string Id, string Mode, string Map, int DurationSeconds, string WinningTeam, IReadOnlyList<MatchPlayerLine> Players, DateTimeOffset FinishedAt);
public sealed record MatchRecapView(string MatchId, string Recap, string Model);
public sealed record MailboxItem(string Id, string Sender, string Subject, string Body, bool Read, DateTimeOffset SentAt);
public sealed record BountyBoardView(string Region, string Date, string Notice, IReadOnlyList<BountyItem> Bounties);
public sealed record BountyItem(string Id, string Title, string Description, int RewardGold, string Difficulty);

public sealed record MaintenanceRequest(string Region, string Message, DateTimeOffset StartsAt, DateTimeOffset EndsAt);
public sealed record ModelUsageRow(string Provider, string Model, long Requests, long PromptTokens, long CompletionTokens);
public sealed record PlayerMeView(string Id, string Nickname, string Region, int Level, string? GuildId, bool DigestOptIn);
