using System.Diagnostics;
using DeepSynth.Compliance.Audit;

namespace DeepSynth.Compliance.Benchmarks;

/// <summary>
/// <c>audit-interleaved [rounds] [records]</c>: durable appends per second with checkpoints off, every minute and after
/// every record, the three runs taken in turn (in a rotating order) in each round. On a shared machine the disk's fsync time drifts from
/// minute to minute; alternating keeps the comparison fair where BenchmarkDotNet runs one case after the other.
/// </summary>
internal static class AuditAppendInterleaved
{
    private static readonly string[] Modes = { "off", "1min", "every-record" };

    public static void Run(int rounds, int records)
    {
        var perSecond = Modes.ToDictionary(m => m, _ => new List<double>());
        var generation = new GenerationRecord { UserId = "user-1", Model = "qwen-max", ContentId = "20260901T080000Z-0123456789abcdef0123" };
        for (var round = 0; round < rounds; round++)
        {
            // Each round starts with a different mode, so no mode always follows the fsync-heavy one.
            foreach (var mode in Modes.Skip(round % Modes.Length).Concat(Modes.Take(round % Modes.Length)))
            {
                var folder = Path.Combine(Path.GetTempPath(), "deepsynth-bench", Guid.NewGuid().ToString("N"));
                using (var log = AuditAppendBenchmarks.Open(folder, flushToDisk: true, mode))
                {
                    log.RecordAsync("warm-up", generation).GetAwaiter().GetResult();
                    var watch = Stopwatch.StartNew();
                    for (var i = 0; i < records; i++)
                    {
                        log.RecordAsync("一段生成的文本，长度与一次普通的对话回复相当。", generation).GetAwaiter().GetResult();
                    }

                    perSecond[mode].Add(records / watch.Elapsed.TotalSeconds);
                }

                Directory.Delete(folder, recursive: true);
            }
        }

        Console.WriteLine($"Durable appends per second (fsync per record), median of {rounds} rounds of {records}, load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}:");
        foreach (var mode in Modes)
        {
            var sorted = perSecond[mode].Order().ToList();
            Console.WriteLine($"  checkpoints {mode,-12} median {sorted[sorted.Count / 2],8:F0}/s   min {sorted[0],8:F0}/s   max {sorted[^1],8:F0}/s");
        }
    }
}
