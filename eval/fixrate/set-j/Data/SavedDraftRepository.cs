namespace InkWell.Data;

public enum DraftKind { Headline, Summary, CommentReply }

public sealed class SavedDraft
{
    public required Guid Id { get; init; }
    public required DraftKind Kind { get; init; }
    public required int ArticleId { get; init; }
    public int? CommentId { get; init; }
    public required string Text { get; set; }
    public required string CreatedBy { get; init; }
    public required string Model { get; init; }
    public DateTimeOffset CreatedAt { get; init; } = DateTimeOffset.UtcNow;
    public DateTimeOffset? PublishedAt { get; set; }
}

/// <summary>Drafts the writing tools produced, kept until an editor publishes or discards them.</summary>
public sealed class SavedDraftRepository
{
    private readonly List<SavedDraft> _drafts = new();
    private readonly object _gate = new();

    public void Add(SavedDraft draft)
    {
        lock (_gate) _drafts.Add(draft);
    }

    public SavedDraft? Get(Guid id)
    {
        lock (_gate) return _drafts.FirstOrDefault(d => d.Id == id);
    }

    public IReadOnlyList<SavedDraft> List(DraftKind? kind = null)
    {
        lock (_gate)
        {
            return _drafts.Where(d => kind is null || d.Kind == kind).OrderByDescending(d => d.CreatedAt).ToList();
        }
    }

    public bool Remove(Guid id)
    {
        lock (_gate) return _drafts.RemoveAll(d => d.Id == id) > 0;
    }
}
