using DeepSynth.Compliance.Audit;
using DeepSynth.Compliance.Tests.Review;

namespace DeepSynth.Compliance.Tests.Audit;

/// <summary>A recorded stream passes tokens through and puts the whole generation on file, also when the reader stops early.</summary>
public sealed class RecordStreamTests : IDisposable
{
    private readonly RecordingAuditLog _audit = new();

    [Fact]
    public async Task The_full_text_is_recorded_once_when_the_stream_ends()
    {
        var received = new List<string>();
        await foreach (var token in _audit.Log.RecordStream(Tokens("AI", "生成", "的回答"), new GenerationRecord { Model = "qwen-max" }))
        {
            received.Add(token);
            Assert.Empty(_audit.Lines());
        }

        Assert.Equal(new[] { "AI", "生成", "的回答" }, received);
        var record = Assert.Single(_audit.Lines());
        Assert.Contains("\"type\":\"generation\"", record);
        Assert.Contains("qwen-max", record);
    }

    [Fact]
    public async Task What_was_generated_is_recorded_when_the_reader_stops_early()
    {
        await foreach (var token in _audit.Log.RecordStream(Tokens("一", "二", "三"), new GenerationRecord()))
        {
            break;
        }

        Assert.Single(_audit.Lines());
    }

    [Fact]
    public async Task An_empty_stream_records_nothing()
    {
        await foreach (var _ in _audit.Log.RecordStream(Tokens(), new GenerationRecord()))
        {
        }

        Assert.Empty(_audit.Lines());
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
}
