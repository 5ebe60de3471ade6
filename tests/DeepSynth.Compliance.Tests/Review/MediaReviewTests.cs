using DeepSynth.Compliance.Review;


namespace DeepSynth.Compliance.Tests.Review;

/// <summary>Generated images and audio are reviewed by media moderation adapters, failing closed without one.</summary>
public sealed class MediaReviewTests : IDisposable
{
    private static readonly byte[] Png = { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3 };
    private readonly RecordingAuditLog _audit = new();

    [Fact]
    public async Task Without_a_media_adapter_media_waits_for_manual_review_and_the_verdict_is_recorded()
    {
        var reviewer = new ContentReviewer(null, new[] { new FixedTextAdapter() }, _audit.Log);

        var verdict = await reviewer.ReviewMediaAsync(Png, "image/png", ReviewStage.Output);

        Assert.Equal(ReviewDecision.NeedsManualReview, verdict.Decision);
        Assert.Contains("no-media-moderation", verdict.ToString());
        var record = Assert.Single(_audit.Lines());
        Assert.Contains("\"decision\":\"NeedsManualReview\"", record);
        await Assert.ThrowsAsync<ContentBlockedException>(() => reviewer.EnsureMediaAllowedAsync(Png, "image/png", ReviewStage.Output));
    }

    [Fact]
    public async Task The_strictest_adapter_verdict_wins_and_allowed_media_is_returned()
    {
        var allowing = new FixedMediaAdapter("allow", ReviewDecision.Allowed);
        var blocking = new FixedMediaAdapter("block", ReviewDecision.Blocked);

        var permissive = new ContentReviewer(null, new[] { new FixedTextAdapter() }, _audit.Log, mediaAdapters: new[] { allowing });
        Assert.Same(Png, await permissive.EnsureMediaAllowedAsync(Png, "image/png", ReviewStage.Output));
        Assert.Equal("image/png", allowing.LastMediaType);

        var strict = new ContentReviewer(null, new[] { new FixedTextAdapter() }, _audit.Log, mediaAdapters: new[] { allowing, blocking });
        var error = await Assert.ThrowsAsync<ContentBlockedException>(() => strict.EnsureMediaAllowedAsync(Png, "image/png", ReviewStage.Output));
        Assert.Equal(ReviewDecision.Blocked, error.Verdict.Decision);
    }

    [Fact]
    public async Task A_failing_media_adapter_holds_the_media_instead_of_letting_it_through()
    {
        var reviewer = new ContentReviewer(null, new[] { new FixedTextAdapter() }, _audit.Log, mediaAdapters: new[] { new FailingMediaAdapter() });

        var verdict = await reviewer.ReviewMediaAsync(Png, "image/png", ReviewStage.Output);

        Assert.Equal(ReviewDecision.NeedsManualReview, verdict.Decision);
        Assert.Contains("adapter-unavailable", verdict.ToString());
    }

    [Fact]
    public async Task Media_type_is_required()
    {
        var reviewer = new ContentReviewer(null, new[] { new FixedTextAdapter() }, _audit.Log);
        await Assert.ThrowsAsync<ArgumentException>(() => reviewer.ReviewMediaAsync(Png, " ", ReviewStage.Output));
    }

    public void Dispose() => _audit.Dispose();

    private sealed class FixedTextAdapter : IContentModerationAdapter
    {
        public string Name => "text";

        public Task<ReviewVerdict> ModerateAsync(string content, ReviewStage stage, CancellationToken cancellationToken) => Task.FromResult(ReviewVerdict.Allowed(stage));
    }

    private sealed class FixedMediaAdapter(string name, ReviewDecision decision) : IMediaModerationAdapter
    {
        public string? LastMediaType { get; private set; }

        public string Name => name;

        public Task<ReviewVerdict> ModerateAsync(byte[] media, string mediaType, ReviewStage stage, CancellationToken cancellationToken)
        {
            LastMediaType = mediaType;
            return Task.FromResult(decision == ReviewDecision.Allowed
                ? ReviewVerdict.Allowed(stage)
                : new ReviewVerdict(stage, new[] { new ReviewFinding("porn", "sexual", decision, name) }));
        }
    }

    private sealed class FailingMediaAdapter : IMediaModerationAdapter
    {
        public string Name => "broken";

        public Task<ReviewVerdict> ModerateAsync(byte[] media, string mediaType, ReviewStage stage, CancellationToken cancellationToken) =>
            throw new HttpRequestException("service unavailable");
    }
}
