using DeepSynth.Compliance.Audit;
using DeepSynth.Compliance.Review;
using DeepSynth.Compliance.Tests.Support;

namespace DeepSynth.Compliance.Tests.Review;

/// <summary>EnsureAllTextAllowedAsync: a request object or a list of texts is reviewed text by text, and fails closed.</summary>
public sealed class AllTextReviewTests : IDisposable
{
    private readonly TempDirectory _folder = new();
    private readonly RecordingAuditLog _audit = new();

    private sealed record ProductInput(string Name, string[] Features, string? Audience, int Count, Nested? Details);

    private sealed record Nested(IReadOnlyDictionary<string, string> Notes);

    private sealed class Loop
    {
        public Loop? Next { get; set; }
        public string Text { get; set; } = "";
    }

    private sealed class Throwing
    {
        public string Text => throw new InvalidOperationException("not loaded");
    }

    private sealed class Deep
    {
        public Deep? Inner { get; init; }
    }

    [Fact]
    public async Task Every_text_of_a_request_object_is_reviewed_in_order()
    {
        var input = new ProductInput("茶杯", ["保温", "加入我们刷单返利"], null, 3, null);

        var error = await Assert.ThrowsAsync<ContentBlockedException>(() => Reviewer().EnsureAllTextAllowedAsync(input, ReviewStage.Input));

        Assert.Equal(ReviewStage.Input, error.Verdict.Stage);
        Assert.Equal(new[] { "茶杯", "保温", "加入我们刷单返利" }, TextMembers.Of(input));
    }

    [Fact]
    public async Task Nested_objects_dictionaries_and_lists_are_read()
    {
        var input = new ProductInput("茶杯", [], "学生", 1, new Nested(new Dictionary<string, string> { ["备注"] = "刷单返利" }));

        Assert.Equal(new[] { "茶杯", "学生", "备注", "刷单返利" }, TextMembers.Of(input));
        await Assert.ThrowsAsync<ContentBlockedException>(() => Reviewer().EnsureAllTextAllowedAsync(input, ReviewStage.Input));
        await Assert.ThrowsAsync<ContentBlockedException>(() => Reviewer().EnsureAllTextAllowedAsync(new List<string> { "好评", "刷单返利" }, ReviewStage.Input));
    }

    [Fact]
    public async Task Allowed_texts_pass_and_values_without_text_are_skipped()
    {
        await Reviewer().EnsureAllTextAllowedAsync(new ProductInput("茶杯", ["保温"], "学生", 3, null), ReviewStage.Input);
        await Reviewer().EnsureAllTextAllowedAsync(null, ReviewStage.Input);
        Assert.Empty(TextMembers.Of(new { Count = 3, When = DateTime.UnixEpoch, Id = Guid.Empty }));
    }

    [Fact]
    public void A_cycle_is_read_once()
    {
        var loop = new Loop { Text = "一" };
        loop.Next = loop;
        Assert.Equal(new[] { "一" }, TextMembers.Of(loop));
    }

    [Fact]
    public async Task What_cannot_be_read_fails_the_review_instead_of_being_skipped()
    {
        await Assert.ThrowsAsync<ContentReviewIncompleteException>(() => Reviewer().EnsureAllTextAllowedAsync(new Throwing(), ReviewStage.Input));
        var deep = new Deep { Inner = new Deep { Inner = new Deep { Inner = new Deep { Inner = new Deep() } } } };
        var error = Assert.Throws<ContentReviewIncompleteException>(() => TextMembers.Of(deep));
        Assert.Contains("nested more than 4 levels", error.Message);
    }

    public void Dispose()
    {
        _audit.Dispose();
        _folder.Dispose();
    }

    private ContentReviewer Reviewer()
    {
        var path = _folder.File("library.json");
        File.WriteAllText(path, FeatureLibraryTests.Library);
        return new ContentReviewer(new FeatureLibraryReviewer(path), null, _audit.Log);
    }
}

/// <summary>RecordAllTextAsync: one generation record of every text a published object holds.</summary>
public sealed class AllTextRecordTests : IDisposable
{
    private readonly RecordingAuditLog _audit = new();

    private sealed record Copy(string Headline, List<string> Bullets);

    [Fact]
    public async Task The_texts_are_recorded_as_one_generation_in_order()
    {
        await _audit.Log.RecordAllTextAsync(new Copy("标题", ["一", "二"]), new DeepSynth.Compliance.Audit.GenerationRecord { Model = "qwen-max" });

        var record = Assert.Single(_audit.Lines());
        Assert.Contains("\"type\":\"generation\"", record);
        var expected = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes("标题\n一\n二"))).ToLowerInvariant();
        Assert.Contains(expected, record);
    }

    public void Dispose() => _audit.Dispose();
}
