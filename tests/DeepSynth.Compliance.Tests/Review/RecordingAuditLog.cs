using DeepSynth.Compliance.Audit;
using DeepSynth.Compliance.Review;
using DeepSynth.Compliance.Tests.Support;

namespace DeepSynth.Compliance.Tests.Review;

/// <summary>A real audit log in a temp folder whose records the review tests read back.</summary>
internal sealed class RecordingAuditLog : IDisposable
{
    private readonly TempDirectory _folder = new();

    public RecordingAuditLog()
    {
        Log = new SynthesisAuditLog(new AuditLogOptions { Directory = _folder.Path, PseudonymKey = TestKeys.PseudonymKey });
    }

    public SynthesisAuditLog Log { get; }

    public IReadOnlyList<string> Lines() =>
        Directory.GetFiles(_folder.Path, "*.jsonl").SelectMany(File.ReadAllLines).ToList();

    public void Dispose()
    {
        Log.Dispose();
        _folder.Dispose();
    }
}
