using System.Collections.Concurrent;
using MenuMuse.Models;

namespace MenuMuse.Services;

public interface IReplyDraftStore
{
    void Save(ReviewReplyDraft draft);
    ReviewReplyDraft? Get(Guid id);
    IReadOnlyList<ReviewReplyDraft> ListFor(string merchantId);
}

// Drafts live in memory for the pilot; merchants copy them into the review page from the dashboard.
public sealed class InMemoryReplyDraftStore : IReplyDraftStore
{
    private readonly ConcurrentDictionary<Guid, ReviewReplyDraft> _drafts = new();

    public void Save(ReviewReplyDraft draft) => _drafts[draft.Id] = draft;

    public ReviewReplyDraft? Get(Guid id) => _drafts.TryGetValue(id, out var draft) ? draft : null;

    public IReadOnlyList<ReviewReplyDraft> ListFor(string merchantId) =>
        _drafts.Values.Where(d => d.MerchantId == merchantId).OrderByDescending(d => d.CreatedAt).ToList();
}
