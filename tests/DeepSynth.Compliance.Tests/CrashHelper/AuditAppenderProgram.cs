using DeepSynth.Compliance.Audit;
using DeepSynth.Compliance.Tests.Support;

namespace DeepSynth.Compliance.Tests.CrashHelper;

/// <summary>
/// Entry point of this test assembly when the crash-safety tests run it as a child process:
/// <c>dotnet DeepSynth.Compliance.Tests.dll append-audit &lt;folder&gt; [checkpoints] [stall-record|stall-checkpoint &lt;n&gt;]</c>
/// appends records until it is killed and prints each sequence number once the record is committed. With
/// <c>checkpoints</c> it signs a checkpoint after every record; with a stall it stops halfway through the record or
/// checkpoint after the first n and prints "stalled". Under the test runner this Main is never called.
/// </summary>
public static class AuditAppenderProgram
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Length < 2 || args[0] != "append-audit")
        {
            Console.Error.WriteLine("usage: append-audit <folder> [checkpoints] [stall-record|stall-checkpoint <n>]");
            return 2;
        }

        var options = new AuditLogOptions { Directory = args[1], PseudonymKey = TestKeys.PseudonymKey };
        if (args.Contains("checkpoints"))
        {
            options.CheckpointPrivateKey = TestKeys.CheckpointPrivateKey;
            options.CheckpointInterval = TimeSpan.Zero;
        }

        using var log = new SynthesisAuditLog(options);
        var stall = Array.FindIndex(args, a => a.StartsWith("stall-", StringComparison.Ordinal));
        if (stall > 0)
        {
            var after = int.Parse(args[stall + 1], System.Globalization.CultureInfo.InvariantCulture);
            var writes = 0;
            Stream Stalling(Stream file) => new StallingStream(file, () => ++writes > after, "stalled");
            if (args[stall] == "stall-record")
            {
                log.Chain.WrapWrites = Stalling;
            }
            else
            {
                log.Chain.Checkpoints!.WrapWrites = Stalling;
            }
        }

        var padding = new string('x', 8000); // long lines widen the window in which a kill tears a write
        for (var i = 0; ; i++)
        {
            var generation = new GenerationRecord { UserId = "user-" + i, Model = "crash-test" };
            generation.Attributes["padding"] = padding;
            var record = await log.RecordAsync("content " + i, generation);
            Console.Out.WriteLine(record.Sequence);
            Console.Out.Flush();
        }
    }
}
