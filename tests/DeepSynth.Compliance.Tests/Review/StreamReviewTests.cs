using DeepSynth.Compliance.Review;

namespace DeepSynth.Compliance.Tests.Review;

/// <summary>Streamed output is reviewed sentence by sentence; blocked text never reaches the reader.</summary>
public sealed class StreamReviewTests : IDisposable
{
    private readonly RecordingAuditLog _audit = new();

    [Fact]
    public async Task Allowed_sentences_pass_through_unchanged_and_in_order()
    {
        var reviewer = new ContentReviewer(null, new[] { new BlockingAdapter("never-matches") }, _audit.Log, recordAllowedVerdicts: false);

        var received = await Collect(reviewer.ReviewStream(Tokens("你好", "，世界。", "再见", "！", "尾巴"), ReviewStage.Output));

        Assert.Equal(new[] { "你好", "，世界。", "再见", "！", "尾巴" }, received);
    }

    [Fact]
    public async Task A_blocked_sentence_ends_the_stream_before_any_of_it_is_released()
    {
        var reviewer = new ContentReviewer(null, new[] { new BlockingAdapter("违禁") }, _audit.Log, recordAllowedVerdicts: false);
        var received = new List<string>();

        var error = await Assert.ThrowsAsync<ContentBlockedException>(async () =>
        {
            await foreach (var token in reviewer.ReviewStream(Tokens("第一句。", "这里有", "违禁", "内容。", "第三句。"), ReviewStage.Output))
            {
                received.Add(token);
            }
        });

        Assert.Equal(new[] { "第一句。" }, received);
        Assert.Equal(ReviewDecision.Blocked, error.Verdict.Decision);
        Assert.Contains("\"decision\":\"Blocked\"", Assert.Single(_audit.Lines()));
    }

    [Fact]
    public async Task Long_text_without_sentence_ends_is_still_reviewed_in_bounded_chunks()
    {
        var adapter = new BlockingAdapter("never-matches");
        var reviewer = new ContentReviewer(null, new[] { adapter }, _audit.Log, recordAllowedVerdicts: false);
        var tokens = Enumerable.Repeat("字", 450).ToArray();

        var received = await Collect(reviewer.ReviewStream(Tokens(tokens), ReviewStage.Output));

        Assert.Equal(450, received.Count);
        Assert.Equal(3, adapter.Calls);
    }

    public void Dispose() => _audit.Dispose();

    private static async IAsyncEnumerable<string> Tokens(params string[] tokens)
    {
        foreach (var token in tokens)
        {
            await Task.Yield();
            yield return token;
        }
    }

    private static async Task<List<string>> Collect(IAsyncEnumerable<string> stream)
    {
        var list = new List<string>();
        await foreach (var token in stream)
        {
            list.Add(token);
        }

        return list;
    }

    private sealed class BlockingAdapter(string banned) : IContentModerationAdapter
    {
        public int Calls { get; private set; }

        public string Name => "test";

        public Task<ReviewVerdict> ModerateAsync(string content, ReviewStage stage, CancellationToken cancellationToken)
        {
            Calls++;
            return Task.FromResult(content.Contains(banned, StringComparison.Ordinal)
                ? new ReviewVerdict(stage, new[] { new ReviewFinding("banned", "illegal", ReviewDecision.Blocked, Name) })
                : ReviewVerdict.Allowed(stage));
        }
    }
}
