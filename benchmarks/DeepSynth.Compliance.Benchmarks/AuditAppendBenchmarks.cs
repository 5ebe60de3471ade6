using BenchmarkDotNet.Attributes;
using DeepSynth.Compliance.Audit;

namespace DeepSynth.Compliance.Benchmarks;

/// <summary>
/// Audit appends per second: durable (fsync per record, the default) and without forcing each record to disk; without
/// checkpoints, with the default one-minute checkpoints (the Merkle frontier is kept, one signed checkpoint per
/// iteration at most), and with a signed, fsynced checkpoint after every record (the worst case).
/// </summary>
public class AuditAppendBenchmarks
{
    private const int Records = 1000;
    private string _folder = string.Empty;
    private SynthesisAuditLog _log = null!;
    private GenerationRecord _generation = null!;

    [Params(true, false)]
    public bool FlushToDisk { get; set; }

    [Params("off", "1min", "every-record")]
    public string Checkpoints { get; set; } = "off";

    [IterationSetup]
    public void Setup()
    {
        _folder = Path.Combine(Path.GetTempPath(), "deepsynth-bench", Guid.NewGuid().ToString("N"));
        _log = Open(_folder, FlushToDisk, Checkpoints);
        _generation = new GenerationRecord { UserId = "user-1", Model = "qwen-max", ContentId = "20260901T080000Z-0123456789abcdef0123" };
    }

    [IterationCleanup]
    public void Cleanup()
    {
        _log.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>A log as the benchmark cases configure it: checkpoints "off", every "1min" (the default) or "every-record".</summary>
    internal static SynthesisAuditLog Open(string folder, bool flushToDisk, string checkpoints) => new(new AuditLogOptions
    {
        Directory = folder,
        PseudonymKey = Convert.ToBase64String(new byte[32]),
        FlushToDisk = flushToDisk,
        CheckpointSigner = checkpoints == "off" ? null : Signer,
        CheckpointInterval = checkpoints == "every-record" ? TimeSpan.Zero : TimeSpan.FromMinutes(1),
    });

    private static readonly AuditCheckpointSigner Signer = AuditCheckpointSigner.Generate();

    /// <summary>One operation is <see cref="Records"/> appends; appends/s = Records / mean time.</summary>
    [Benchmark(OperationsPerInvoke = Records)]
    public async Task Append()
    {
        for (var i = 0; i < Records; i++)
        {
            await _log.RecordAsync("一段生成的文本，长度与一次普通的对话回复相当。", _generation);
        }
    }
}
