using ClipForge.Configuration;
using ClipForge.Domain;
using Microsoft.Extensions.Options;
using MongoDB.Bson;
using MongoDB.Driver;

namespace ClipForge.Storage;

public sealed class MongoContext
{
    public MongoContext(IMongoClient client, IOptions<StorageOptions> options)
    {
        Database = client.GetDatabase(options.Value.MongoDatabase);
    }

    public IMongoDatabase Database { get; }

    public IMongoCollection<ScriptDraft> Scripts => Database.GetCollection<ScriptDraft>("scripts");
    public IMongoCollection<CoverAsset> Covers => Database.GetCollection<CoverAsset>("covers");
    public IMongoCollection<VoiceOver> VoiceOvers => Database.GetCollection<VoiceOver>("voiceovers");
    public IMongoCollection<SubtitleTrack> Subtitles => Database.GetCollection<SubtitleTrack>("subtitles");
    public IMongoCollection<ScheduledPost> Posts => Database.GetCollection<ScheduledPost>("posts");
    public IMongoCollection<ReplyDraft> ReplyDrafts => Database.GetCollection<ReplyDraft>("reply_drafts");
    public IMongoCollection<WeeklyDigest> Digests => Database.GetCollection<WeeklyDigest>("digests");
    public IMongoCollection<PostMetricSnapshot> Metrics => Database.GetCollection<PostMetricSnapshot>("post_metrics");
    public IMongoCollection<CreatorProfile> Creators => Database.GetCollection<CreatorProfile>("creators");
    public IMongoCollection<IdentityVerificationRecord> Verifications => Database.GetCollection<IdentityVerificationRecord>("identity_verifications");

    public async Task<bool> PingAsync(CancellationToken ct)
    {
        try
        {
            await Database.RunCommandAsync((Command<BsonDocument>)"{ping:1}", cancellationToken: ct);
            return true;
        }
        catch (Exception)
        {
            return false;
        }
    }

    public async Task EnsureIndexesAsync(CancellationToken ct)
    {
        await Scripts.Indexes.CreateOneAsync(new CreateIndexModel<ScriptDraft>(
            Builders<ScriptDraft>.IndexKeys.Ascending(s => s.OwnerId).Descending(s => s.CreatedAt)), cancellationToken: ct);
        await Posts.Indexes.CreateOneAsync(new CreateIndexModel<ScheduledPost>(
            Builders<ScheduledPost>.IndexKeys.Ascending(p => p.Status).Ascending(p => p.PublishAt)), cancellationToken: ct);
        await Metrics.Indexes.CreateOneAsync(new CreateIndexModel<PostMetricSnapshot>(
            Builders<PostMetricSnapshot>.IndexKeys.Ascending(m => m.OwnerId).Ascending(m => m.CapturedAt)), cancellationToken: ct);
        await Digests.Indexes.CreateOneAsync(new CreateIndexModel<WeeklyDigest>(
            Builders<WeeklyDigest>.IndexKeys.Ascending(d => d.OwnerId).Descending(d => d.WeekStart),
            new CreateIndexOptions { Unique = true }), cancellationToken: ct);
    }
}

public interface IScriptRepository
{
    Task InsertAsync(ScriptDraft draft, CancellationToken ct);
    Task<ScriptDraft?> FindAsync(string ownerId, string id, CancellationToken ct);
    Task<IReadOnlyList<ScriptDraft>> ListAsync(string ownerId, int take, CancellationToken ct);
    Task UpdatePolishedAsync(string id, string polished, CancellationToken ct);
    Task UpdateTitlesAsync(string id, IReadOnlyList<string> titles, IReadOnlyList<string> hashtags, CancellationToken ct);
    Task<int> CountAsync(string ownerId, DateTime since, CancellationToken ct);
    Task<(long Input, long Output)> SumTokensAsync(string ownerId, DateTime since, CancellationToken ct);
}

public interface IMediaRepository
{
    Task InsertCoverAsync(CoverAsset cover, CancellationToken ct);
    Task<CoverAsset?> FindCoverAsync(string ownerId, string id, CancellationToken ct);
    Task<CoverAsset?> FindCoverByIdAsync(string id, CancellationToken ct);
    Task InsertVoiceOverAsync(VoiceOver voiceOver, CancellationToken ct);
    Task<VoiceOver?> FindVoiceOverAsync(string ownerId, string id, CancellationToken ct);
    Task InsertSubtitleAsync(SubtitleTrack track, CancellationToken ct);
    Task<SubtitleTrack?> FindSubtitleAsync(string ownerId, string id, CancellationToken ct);
    Task<(int Covers, int VoiceOvers)> CountAsync(string ownerId, DateTime since, CancellationToken ct);
}

public interface IPostRepository
{
    Task InsertAsync(ScheduledPost post, CancellationToken ct);
    Task<ScheduledPost?> FindAsync(string ownerId, string id, CancellationToken ct);
    Task<ScheduledPost?> FindByIdAsync(string id, CancellationToken ct);
    Task<IReadOnlyList<ScheduledPost>> ListAsync(string ownerId, CancellationToken ct);
    Task<IReadOnlyList<ScheduledPost>> ClaimDueAsync(DateTimeOffset now, int batchSize, CancellationToken ct);
    Task MarkPublishedAsync(string id, string externalId, DateTimeOffset at, CancellationToken ct);
    Task MarkFailedAsync(string id, string reason, CancellationToken ct);
    Task SetVariantsAsync(string id, IReadOnlyList<string> variants, CancellationToken ct);
    Task<bool> CancelAsync(string ownerId, string id, CancellationToken ct);
}

public interface IReplyDraftRepository
{
    Task InsertAsync(ReplyDraft draft, CancellationToken ct);
    Task<ReplyDraft?> FindAsync(string ownerId, string id, CancellationToken ct);
    Task MarkPostedAsync(string id, string reply, DateTimeOffset at, CancellationToken ct);
    Task<CommentStatsRow> StatsAsync(string ownerId, CancellationToken ct);
}

public sealed record CommentStatsRow(long Drafts, long Posted);

public interface IDigestRepository
{
    Task UpsertAsync(WeeklyDigest digest, CancellationToken ct);
    Task<WeeklyDigest?> LatestAsync(string ownerId, CancellationToken ct);
    Task<IReadOnlyList<WeeklyDigest>> HistoryAsync(string ownerId, int weeks, CancellationToken ct);
    Task<IReadOnlyList<PostMetricSnapshot>> MetricsAsync(string ownerId, DateTime from, DateTime to, CancellationToken ct);
}

public interface ICreatorRepository
{
    Task<CreatorProfile?> FindAsync(string userId, CancellationToken ct);
    Task<IReadOnlyList<CreatorProfile>> DigestRecipientsAsync(CancellationToken ct);
    Task AddPushEndpointAsync(string userId, PushEndpoint endpoint, CancellationToken ct);
    Task RemovePushEndpointAsync(string userId, string endpoint, CancellationToken ct);
}

internal sealed class MongoScriptRepository(MongoContext db) : IScriptRepository
{
    public Task InsertAsync(ScriptDraft draft, CancellationToken ct) => db.Scripts.InsertOneAsync(draft, cancellationToken: ct);

    public async Task<ScriptDraft?> FindAsync(string ownerId, string id, CancellationToken ct) =>
        await db.Scripts.Find(s => s.Id == id && s.OwnerId == ownerId).FirstOrDefaultAsync(ct);

    public async Task<IReadOnlyList<ScriptDraft>> ListAsync(string ownerId, int take, CancellationToken ct) =>
        await db.Scripts.Find(s => s.OwnerId == ownerId && s.Status != ScriptStatus.Archived)
            .SortByDescending(s => s.CreatedAt).Limit(take).ToListAsync(ct);

    public Task UpdatePolishedAsync(string id, string polished, CancellationToken ct) =>
        db.Scripts.UpdateOneAsync(s => s.Id == id,
            Builders<ScriptDraft>.Update.Set(s => s.PolishedBody, polished)
                .Set(s => s.Status, ScriptStatus.Polished)
                .Set(s => s.UpdatedAt, DateTime.UtcNow), cancellationToken: ct);

    public Task UpdateTitlesAsync(string id, IReadOnlyList<string> titles, IReadOnlyList<string> hashtags, CancellationToken ct) =>
        db.Scripts.UpdateOneAsync(s => s.Id == id,
            Builders<ScriptDraft>.Update.Set(s => s.TitleOptions, titles.ToList())
                .Set(s => s.Hashtags, hashtags.ToList())
                .Set(s => s.UpdatedAt, DateTime.UtcNow), cancellationToken: ct);

    public async Task<int> CountAsync(string ownerId, DateTime since, CancellationToken ct) =>
        (int)await db.Scripts.CountDocumentsAsync(s => s.OwnerId == ownerId && s.CreatedAt >= since, cancellationToken: ct);

    public async Task<(long Input, long Output)> SumTokensAsync(string ownerId, DateTime since, CancellationToken ct)
    {
        var rows = await db.Scripts.Find(s => s.OwnerId == ownerId && s.CreatedAt >= since)
            .Project(s => new { s.InputTokens, s.OutputTokens }).ToListAsync(ct);
        return (rows.Sum(r => (long)r.InputTokens), rows.Sum(r => (long)r.OutputTokens));
    }
}

internal sealed class MongoMediaRepository(MongoContext db) : IMediaRepository
{
    public Task InsertCoverAsync(CoverAsset cover, CancellationToken ct) => db.Covers.InsertOneAsync(cover, cancellationToken: ct);

    public async Task<CoverAsset?> FindCoverAsync(string ownerId, string id, CancellationToken ct) =>
        await db.Covers.Find(c => c.Id == id && c.OwnerId == ownerId).FirstOrDefaultAsync(ct);

    public async Task<CoverAsset?> FindCoverByIdAsync(string id, CancellationToken ct) =>
        await db.Covers.Find(c => c.Id == id).FirstOrDefaultAsync(ct);

    public Task InsertVoiceOverAsync(VoiceOver voiceOver, CancellationToken ct) => db.VoiceOvers.InsertOneAsync(voiceOver, cancellationToken: ct);

    public async Task<VoiceOver?> FindVoiceOverAsync(string ownerId, string id, CancellationToken ct) =>
        await db.VoiceOvers.Find(v => v.Id == id && v.OwnerId == ownerId).FirstOrDefaultAsync(ct);

    public Task InsertSubtitleAsync(SubtitleTrack track, CancellationToken ct) => db.Subtitles.InsertOneAsync(track, cancellationToken: ct);

    public async Task<SubtitleTrack?> FindSubtitleAsync(string ownerId, string id, CancellationToken ct) =>
        await db.Subtitles.Find(t => t.Id == id && t.OwnerId == ownerId).FirstOrDefaultAsync(ct);

    public async Task<(int Covers, int VoiceOvers)> CountAsync(string ownerId, DateTime since, CancellationToken ct)
    {
        var covers = await db.Covers.CountDocumentsAsync(c => c.OwnerId == ownerId && c.CreatedAt >= since, cancellationToken: ct);
        var voice = await db.VoiceOvers.CountDocumentsAsync(v => v.OwnerId == ownerId && v.CreatedAt >= since, cancellationToken: ct);
        return ((int)covers, (int)voice);
    }
}

internal sealed class MongoPostRepository(MongoContext db) : IPostRepository
{
    public Task InsertAsync(ScheduledPost post, CancellationToken ct) => db.Posts.InsertOneAsync(post, cancellationToken: ct);

    public async Task<ScheduledPost?> FindAsync(string ownerId, string id, CancellationToken ct) =>
        await db.Posts.Find(p => p.Id == id && p.OwnerId == ownerId).FirstOrDefaultAsync(ct);

    public async Task<ScheduledPost?> FindByIdAsync(string id, CancellationToken ct) =>
        await db.Posts.Find(p => p.Id == id).FirstOrDefaultAsync(ct);

    public async Task<IReadOnlyList<ScheduledPost>> ListAsync(string ownerId, CancellationToken ct) =>
        await db.Posts.Find(p => p.OwnerId == ownerId).SortBy(p => p.PublishAt).Limit(200).ToListAsync(ct);

    public async Task<IReadOnlyList<ScheduledPost>> ClaimDueAsync(DateTimeOffset now, int batchSize, CancellationToken ct)
    {
        var claimed = new List<ScheduledPost>(batchSize);
        for (var i = 0; i < batchSize; i++)
        {
            // Atomic claim so that two scheduler nodes never publish the same post.
            var post = await db.Posts.FindOneAndUpdateAsync(
                p => p.Status == PostStatus.Scheduled && p.PublishAt <= now,
                Builders<ScheduledPost>.Update.Set(p => p.Status, PostStatus.Publishing),
                new FindOneAndUpdateOptions<ScheduledPost> { ReturnDocument = ReturnDocument.After },
                ct);
            if (post is null)
            {
                break;
            }
            claimed.Add(post);
        }
        return claimed;
    }

    public Task MarkPublishedAsync(string id, string externalId, DateTimeOffset at, CancellationToken ct) =>
        db.Posts.UpdateOneAsync(p => p.Id == id,
            Builders<ScheduledPost>.Update.Set(p => p.Status, PostStatus.Published)
                .Set(p => p.ExternalPostId, externalId)
                .Set(p => p.PublishedAt, at), cancellationToken: ct);

    public Task MarkFailedAsync(string id, string reason, CancellationToken ct) =>
        db.Posts.UpdateOneAsync(p => p.Id == id,
            Builders<ScheduledPost>.Update.Set(p => p.Status, PostStatus.Failed).Set(p => p.FailureReason, reason),
            cancellationToken: ct);

    public Task SetVariantsAsync(string id, IReadOnlyList<string> variants, CancellationToken ct) =>
        db.Posts.UpdateOneAsync(p => p.Id == id,
            Builders<ScheduledPost>.Update.Set(p => p.CaptionVariants, variants.ToList()), cancellationToken: ct);

    public async Task<bool> CancelAsync(string ownerId, string id, CancellationToken ct)
    {
        var result = await db.Posts.UpdateOneAsync(
            p => p.Id == id && p.OwnerId == ownerId && p.Status == PostStatus.Scheduled,
            Builders<ScheduledPost>.Update.Set(p => p.Status, PostStatus.Cancelled), cancellationToken: ct);
        return result.ModifiedCount == 1;
    }
}

internal sealed class MongoReplyDraftRepository(MongoContext db) : IReplyDraftRepository
{
    public Task InsertAsync(ReplyDraft draft, CancellationToken ct) => db.ReplyDrafts.InsertOneAsync(draft, cancellationToken: ct);

    public async Task<ReplyDraft?> FindAsync(string ownerId, string id, CancellationToken ct) =>
        await db.ReplyDrafts.Find(d => d.Id == id && d.OwnerId == ownerId).FirstOrDefaultAsync(ct);

    public Task MarkPostedAsync(string id, string reply, DateTimeOffset at, CancellationToken ct) =>
        db.ReplyDrafts.UpdateOneAsync(d => d.Id == id,
            Builders<ReplyDraft>.Update.Set(d => d.PostedReply, reply).Set(d => d.PostedAt, at), cancellationToken: ct);

    public async Task<CommentStatsRow> StatsAsync(string ownerId, CancellationToken ct)
    {
        var drafts = await db.ReplyDrafts.CountDocumentsAsync(d => d.OwnerId == ownerId, cancellationToken: ct);
        var posted = await db.ReplyDrafts.CountDocumentsAsync(d => d.OwnerId == ownerId && d.PostedAt != null, cancellationToken: ct);
        return new CommentStatsRow(drafts, posted);
    }
}

internal sealed class MongoDigestRepository(MongoContext db) : IDigestRepository
{
    public Task UpsertAsync(WeeklyDigest digest, CancellationToken ct) =>
        db.Digests.ReplaceOneAsync(d => d.OwnerId == digest.OwnerId && d.WeekStart == digest.WeekStart, digest,
            new ReplaceOptions { IsUpsert = true }, ct);

    public async Task<WeeklyDigest?> LatestAsync(string ownerId, CancellationToken ct) =>
        await db.Digests.Find(d => d.OwnerId == ownerId).SortByDescending(d => d.WeekStart).FirstOrDefaultAsync(ct);

    public async Task<IReadOnlyList<WeeklyDigest>> HistoryAsync(string ownerId, int weeks, CancellationToken ct) =>
        await db.Digests.Find(d => d.OwnerId == ownerId).SortByDescending(d => d.WeekStart).Limit(weeks).ToListAsync(ct);

    public async Task<IReadOnlyList<PostMetricSnapshot>> MetricsAsync(string ownerId, DateTime from, DateTime to, CancellationToken ct) =>
        await db.Metrics.Find(m => m.OwnerId == ownerId && m.CapturedAt >= from && m.CapturedAt < to).ToListAsync(ct);
}

internal sealed class MongoCreatorRepository(MongoContext db) : ICreatorRepository
{
    public async Task<CreatorProfile?> FindAsync(string userId, CancellationToken ct) =>
        await db.Creators.Find(c => c.UserId == userId).FirstOrDefaultAsync(ct);

    public async Task<IReadOnlyList<CreatorProfile>> DigestRecipientsAsync(CancellationToken ct) =>
        await db.Creators.Find(c => c.DigestOptIn && c.Email != null).ToListAsync(ct);

    public Task AddPushEndpointAsync(string userId, PushEndpoint endpoint, CancellationToken ct) =>
        db.Creators.UpdateOneAsync(c => c.UserId == userId,
            Builders<CreatorProfile>.Update.AddToSet(c => c.PushEndpoints, endpoint), cancellationToken: ct);

    public Task RemovePushEndpointAsync(string userId, string endpoint, CancellationToken ct) =>
        db.Creators.UpdateOneAsync(c => c.UserId == userId,
            Builders<CreatorProfile>.Update.PullFilter(c => c.PushEndpoints, e => e.Endpoint == endpoint), cancellationToken: ct);
}
