using DeepSynth.Compliance.Audit;
using DeepSynth.Compliance.Tests.Support;

namespace DeepSynth.Compliance.Tests.CrashHelper;

/// <summary>
/// Entry point of this test assembly when the crash-safety test runs it as a child process:
/// <c>dotnet DeepSynth.Compliance.Tests.dll append-audit &lt;folder&gt;</c> appends records until it is killed and prints
/// each sequence number once the record is committed. Under the test runner this Main is never called.
/// </summary>
public static class AuditAppenderProgram
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Length != 2 || args[0] != "append-audit")
        {
            Console.Error.WriteLine("usage: append-audit <folder>");
            return 2;
        }

        using var log = new SynthesisAuditLog(new AuditLogOptions { Directory = args[1], PseudonymKey = TestKeys.PseudonymKey });
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
