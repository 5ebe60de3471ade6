using LiteDB;
using Microsoft.Extensions.Options;
using ZhengWuTong.Domain;

namespace ZhengWuTong.Infrastructure.Storage;

public sealed class StorageOptions
{
    public string DatabasePath { get; set; } = "data/zhengwutong.db";
    public string? Password { get; set; }
}

/// <summary>Thin wrapper around the shared LiteDB database with typed collections.</summary>
public sealed class GovDataStore : IDisposable
{
    private readonly LiteDatabase _db;

    public GovDataStore(IOptions<StorageOptions> options)
    {
        var o = options.Value;
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(o.DatabasePath))!);
        var cs = new ConnectionString
        {
            Filename = o.DatabasePath,
            Connection = ConnectionType.Shared,
            Password = o.Password
        };
        _db = new LiteDatabase(cs);

        Citizens.EnsureIndex(x => x.MobileNumber);
        PolicyAnswers.EnsureIndex(x => x.CitizenId);
        Notices.EnsureIndex(x => x.Status);
        Letters.EnsureIndex(x => x.CaseNumber);
        Appointments.EnsureIndex(x => x.SlotStartUtc);
        ChatSessions.EnsureIndex(x => x.CitizenId);
    }

    public ILiteCollection<CitizenAccount> Citizens => _db.GetCollection<CitizenAccount>("citizens");
    public ILiteCollection<PolicyAnswerRecord> PolicyAnswers => _db.GetCollection<PolicyAnswerRecord>("policy_answers");
    public ILiteCollection<PublicNotice> Notices => _db.GetCollection<PublicNotice>("notices");
    public ILiteCollection<LetterDraft> Letters => _db.GetCollection<LetterDraft>("letters");
    public ILiteCollection<Appointment> Appointments => _db.GetCollection<Appointment>("appointments");
    public ILiteCollection<ChatSession> ChatSessions => _db.GetCollection<ChatSession>("chat_sessions");
    public ILiteCollection<MediaAsset> MediaAssets => _db.GetCollection<MediaAsset>("media_assets");
    public ILiteCollection<FeedbackTicket> Feedback => _db.GetCollection<FeedbackTicket>("feedback");
    public ILiteCollection<NoticeSubscription> Subscriptions => _db.GetCollection<NoticeSubscription>("subscriptions");

    public ILiteStorage<string> Files => _db.FileStorage;

    public string SaveFile(string fileId, string fileName, byte[] content)
    {
        using var ms = new MemoryStream(content);
        _db.FileStorage.Upload(fileId, fileName, ms);
        return fileId;
    }

    public byte[]? ReadFile(string fileId)
    {
        var info = _db.FileStorage.FindById(fileId);
        if (info is null)
        {
            return null;
        }

        using var ms = new MemoryStream();
        info.CopyTo(ms);
        return ms.ToArray();
    }

    public void Dispose() => _db.Dispose();
}

public interface INoticeRepository
{
    PublicNotice? Get(string id);
    string Insert(PublicNotice notice);
    void Update(PublicNotice notice);
    IReadOnlyList<PublicNotice> ListPublished(int take);
    NoticeCountsSnapshot Counts();
}

public readonly record struct NoticeCountsSnapshot(int Draft, int Approved, int Published, int Withdrawn);

public sealed class NoticeRepository(GovDataStore store) : INoticeRepository
{
    public PublicNotice? Get(string id) =>
        ObjectIdTryParse(id, out var oid) ? store.Notices.FindById(oid) : null;

    public string Insert(PublicNotice notice)
    {
        store.Notices.Insert(notice);
        return notice.Id.ToString();
    }

    public void Update(PublicNotice notice) => store.Notices.Update(notice);

    public IReadOnlyList<PublicNotice> ListPublished(int take) =>
        store.Notices.Query()
            .Where(n => n.Status == NoticeStatus.Published)
            .OrderByDescending(n => n.PublishedAt)
            .Limit(take)
            .ToList();

    public NoticeCountsSnapshot Counts() => new(
        store.Notices.Count(n => n.Status == NoticeStatus.Draft),
        store.Notices.Count(n => n.Status == NoticeStatus.Approved),
        store.Notices.Count(n => n.Status == NoticeStatus.Published),
        store.Notices.Count(n => n.Status == NoticeStatus.Withdrawn));

    internal static bool ObjectIdTryParse(string id, out ObjectId oid)
    {
        try
        {
            oid = new ObjectId(id);
            return true;
        }
        catch (Exception)
        {
            oid = ObjectId.Empty;
            return false;
        }
    }
}

public interface ILetterRepository
{
    LetterDraft? Get(string id);
    string Insert(LetterDraft draft);
    void Update(LetterDraft draft);
    IReadOnlyList<LetterDraft> ListForClerk(string clerkId, int take);
}

public sealed class LetterRepository(GovDataStore store) : ILetterRepository
{
    public LetterDraft? Get(string id) =>
        NoticeRepository.ObjectIdTryParse(id, out var oid) ? store.Letters.FindById(oid) : null;

    public string Insert(LetterDraft draft)
    {
        store.Letters.Insert(draft);
        return draft.Id.ToString();
    }

    public void Update(LetterDraft draft) => store.Letters.Update(draft);

    public IReadOnlyList<LetterDraft> ListForClerk(string clerkId, int take) =>
        store.Letters.Query()
            .Where(l => l.ClerkId == clerkId)
            .OrderByDescending(l => l.CreatedAt)
            .Limit(take)
            .ToList();
}
