using System.Collections.Concurrent;
using TalentDesk.Models;

namespace TalentDesk.Data;

public interface ICandidateStore
{
    IReadOnlyList<Candidate> All();
    Candidate? Find(string id);
    IReadOnlyList<Candidate> AppliedSince(DateTimeOffset since);
    void Upsert(Candidate candidate);
}

public class InMemoryCandidateStore : ICandidateStore
{
    private readonly ConcurrentDictionary<string, Candidate> _candidates = new();

    public InMemoryCandidateStore()
    {
        Upsert(new Candidate("c-1001", "Lin Mei", "lin.mei@example.com", "job-1", "screening", DateTimeOffset.UtcNow.AddDays(-3)));
        Upsert(new Candidate("c-1002", "Zhao Lei", "zhao.lei@example.com", "job-1", "interview", DateTimeOffset.UtcNow.AddDays(-9)));
    }

    public IReadOnlyList<Candidate> All() => _candidates.Values.OrderBy(c => c.AppliedAt).ToList();
    public Candidate? Find(string id) => _candidates.TryGetValue(id, out var c) ? c : null;
    public IReadOnlyList<Candidate> AppliedSince(DateTimeOffset since) => _candidates.Values.Where(c => c.AppliedAt >= since).ToList();
    public void Upsert(Candidate candidate) => _candidates[candidate.Id] = candidate;
}

public class JobPostingStore
{
    private readonly ConcurrentDictionary<string, JobPosting> _postings = new()
    {
        ["job-1"] = new JobPosting("job-1", "Senior Backend Engineer", "Payments", "Shanghai", "open", null),
        ["job-2"] = new JobPosting("job-2", "Product Designer", "Growth", "Remote", "open", null),
    };

    public IEnumerable<JobPosting> Open() => _postings.Values.Where(p => p.Status == "open");
    public JobPosting? Get(string id) => _postings.GetValueOrDefault(id);
    public void Save(JobPosting posting) => _postings[posting.Id] = posting;
}
