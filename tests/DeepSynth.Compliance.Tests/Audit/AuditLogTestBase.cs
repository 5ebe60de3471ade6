using DeepSynth.Compliance.Audit;
using DeepSynth.Compliance.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace DeepSynth.Compliance.Tests.Audit;

/// <summary>A log in a fresh folder on a fake clock.</summary>
public abstract class AuditLogTestBase : IDisposable
{
    protected AuditLogTestBase()
    {
        Clock = new FakeTimeProvider(new DateTimeOffset(2026, 9, 1, 8, 0, 0, TimeSpan.Zero));
        Log = NewLog();
    }

    internal TempDirectory Folder { get; } = new();

    protected FakeTimeProvider Clock { get; }

    protected SynthesisAuditLog Log { get; private set; }

    protected SynthesisAuditLog Reopen()
    {
        Log.Dispose();
        Log = NewLog();
        return Log;
    }

    protected async Task AppendAsync(int count, string user = "alice")
    {
        for (var i = 0; i < count; i++)
        {
            await Log.RecordAsync("generated text " + i, new GenerationRecord { UserId = user, Model = "m" });
        }
    }

    /// <summary>The daily record files (not the checkpoint file).</summary>
    protected string[] Files() => Directory.GetFiles(Folder.Path, "*-*.jsonl").Where(f => !f.EndsWith(".checkpoints.jsonl", StringComparison.Ordinal)).Order().ToArray();

    public void Dispose()
    {
        Log.Dispose();
        Folder.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Options on top of the folder and key (checkpoints in derived tests). Called from the constructor.</summary>
    protected virtual void Configure(AuditLogOptions options)
    {
    }

    private SynthesisAuditLog NewLog()
    {
        var options = new AuditLogOptions { Directory = Folder.Path, PseudonymKey = TestKeys.PseudonymKey };
        Configure(options);
        return new SynthesisAuditLog(options, Clock);
    }
}
