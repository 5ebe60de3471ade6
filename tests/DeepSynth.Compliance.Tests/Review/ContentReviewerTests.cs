using DeepSynth.Compliance.Review;
using DeepSynth.Compliance.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace DeepSynth.Compliance.Tests.Review;

public sealed class ContentReviewerTests : IDisposable
{
    private readonly TempDirectory _folder = new();
    private readonly RecordingAuditLog _audit = new();
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UnixEpoch);

    [Fact]
    public async Task Blocked_content_throws_and_the_verdict_is_recorded()
    {
        var reviewer = new ContentReviewer(Library(), null, _audit.Log);

        var error = await Assert.ThrowsAsync<ContentBlockedException>(() => reviewer.EnsureAllowedAsync("加入我们刷单返利", ReviewStage.Input));

        Assert.Equal(ReviewDecision.Blocked, error.Verdict.Decision);
        var record = Assert.Single(_audit.Lines());
        Assert.Contains("\"type\":\"review\"", record);
        Assert.Contains("\"decision\":\"Blocked\"", record);
        Assert.Contains("FRAUD-1", record);
        Assert.DoesNotContain("刷单返利", record); // content is stored as a hash
    }

    [Fact]
    public async Task Allowed_content_is_returned_and_recorded_when_configured()
    {
        var quiet = new ContentReviewer(Library(), null, _audit.Log, recordAllowedVerdicts: false);
        Assert.Equal("你好", await quiet.EnsureAllowedAsync("你好", ReviewStage.Output));
        Assert.Empty(_audit.Lines());

        var recording = new ContentReviewer(Library(), null, _audit.Log);
        Assert.True((await recording.ReviewAsync("你好", ReviewStage.Output)).IsAllowed);
        Assert.Contains("\"decision\":\"Allowed\"", Assert.Single(_audit.Lines()));
    }

    [Fact]
    public async Task The_strictest_verdict_of_library_and_adapters_wins()
    {
        var adapter = new KeywordModeration("moderation-api", "敏感", ReviewDecision.NeedsManualReview);
        var reviewer = new ContentReviewer(Library(), new[] { adapter }, _audit.Log);

        Assert.Equal(ReviewDecision.NeedsManualReview, (await reviewer.ReviewAsync("这是敏感话题", ReviewStage.Output)).Decision);
        Assert.Equal(ReviewDecision.Blocked, (await reviewer.ReviewAsync("敏感的刷单返利", ReviewStage.Output)).Decision);
        var held = await Assert.ThrowsAsync<ContentBlockedException>(() => reviewer.EnsureAllowedAsync("敏感", ReviewStage.Output));
        Assert.Contains("held for manual review", held.Message);
    }

    [Fact]
    public async Task A_failing_or_slow_adapter_holds_content_for_manual_review()
    {
        var reviewer = new ContentReviewer(null, new IContentModerationAdapter[] { new BrokenModeration(), new SlowModeration() }, _audit.Log, adapterTimeout: TimeSpan.FromMilliseconds(50));

        var verdict = await reviewer.ReviewAsync("hello", ReviewStage.Output);

        Assert.Equal(ReviewDecision.NeedsManualReview, verdict.Decision);
        Assert.Equal(new[] { "broken", "slow" }, verdict.Findings.Select(f => f.Source));
    }

    [Fact]
    public void Review_without_library_or_adapter_is_a_configuration_error()
    {
        var error = Assert.Throws<ComplianceConfigurationException>(() => new ContentReviewer(null, null, _audit.Log));
        Assert.Contains("nothing is reviewed", error.Message);
    }

    [Fact]
    public void The_library_reloads_when_its_file_changes_and_a_broken_edit_keeps_the_old_rules()
    {
        var path = _folder.File("lib.json");
        File.WriteAllText(path, FeatureLibraryTests.Library);
        var reviewer = new FeatureLibraryReviewer(path, TimeSpan.FromSeconds(10), _clock);
        Assert.True(reviewer.Review("新词", ReviewStage.Input).IsAllowed);

        File.WriteAllText(path, """{"version":"2","rules":[{"id":"NEW","keywords":["新词"]}]}""");
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(1));
        Assert.True(reviewer.Review("新词", ReviewStage.Input).IsAllowed); // not yet due
        _clock.Advance(TimeSpan.FromSeconds(11));
        Assert.Equal(ReviewDecision.Blocked, reviewer.Review("新词", ReviewStage.Input).Decision);

        File.WriteAllText(path, "{ broken");
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(2));
        _clock.Advance(TimeSpan.FromSeconds(11));
        Assert.Equal(ReviewDecision.Blocked, reviewer.Review("新词", ReviewStage.Input).Decision);
        Assert.Equal("2", reviewer.Library.Version);
        Assert.Throws<ComplianceConfigurationException>(reviewer.Reload);
    }

    public void Dispose()
    {
        _audit.Dispose();
        _folder.Dispose();
    }

    private FeatureLibraryReviewer Library()
    {
        var path = _folder.File("library.json");
        File.WriteAllText(path, FeatureLibraryTests.Library);
        return new FeatureLibraryReviewer(path);
    }

    /// <summary>An external service with its own simple policy, as a cloud moderation API would have.</summary>
    private sealed class KeywordModeration(string name, string word, ReviewDecision decision) : IContentModerationAdapter
    {
        public string Name => name;

        public Task<ReviewVerdict> ModerateAsync(string content, ReviewStage stage, CancellationToken cancellationToken) =>
            Task.FromResult(content.Contains(word, StringComparison.Ordinal)
                ? new ReviewVerdict(stage, new[] { new ReviewFinding("sensitive", "politics", decision, name) })
                : ReviewVerdict.Allowed(stage));
    }

    private sealed class BrokenModeration : IContentModerationAdapter
    {
        public string Name => "broken";

        public Task<ReviewVerdict> ModerateAsync(string content, ReviewStage stage, CancellationToken cancellationToken) =>
            throw new HttpRequestException("503 from the moderation service");
    }

    private sealed class SlowModeration : IContentModerationAdapter
    {
        public string Name => "slow";

        public async Task<ReviewVerdict> ModerateAsync(string content, ReviewStage stage, CancellationToken cancellationToken)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return ReviewVerdict.Allowed(stage);
        }
    }
}
