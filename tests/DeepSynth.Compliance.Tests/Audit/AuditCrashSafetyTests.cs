using System.Diagnostics;
using DeepSynth.Compliance.Audit;
using DeepSynth.Compliance.Tests.Support;

namespace DeepSynth.Compliance.Tests.Audit;

public class AuditCrashSafetyTests
{
    [Fact]
    public async Task A_writer_killed_mid_append_loses_no_committed_record()
    {
        using var folder = new TempDirectory();
        var committed = await RunAndKillWriterAsync(folder.Path, killAfterRecords: 150);

        var afterKill = AuditLogVerifier.Verify(folder.Path);
        Assert.True(afterKill.IsIntact, afterKill.FirstBreak?.ToString());
        Assert.True(afterKill.RecordCount >= committed, $"{committed} records were reported committed, {afterKill.RecordCount} are on disk");

        // A new writer repairs any torn tail and continues the same chain.
        using (var log = new SynthesisAuditLog(new AuditLogOptions { Directory = folder.Path, PseudonymKey = TestKeys.PseudonymKey }))
        {
            var next = await log.RecordAsync("after the crash", new GenerationRecord { UserId = "alice" });
            Assert.Equal(afterKill.RecordCount + 1, next.Sequence);
        }

        var final = AuditLogVerifier.Verify(folder.Path);
        Assert.True(final.IsIntact, final.FirstBreak?.ToString());
        Assert.Equal(afterKill.RecordCount + 1, final.RecordCount);
        Assert.Empty(final.Notes);
    }

    private static async Task<long> RunAndKillWriterAsync(string folder, int killAfterRecords)
    {
        var assembly = typeof(AuditCrashSafetyTests).Assembly.Location;
        // The SDK tells test runs which dotnet host it used; fall back to the one on PATH.
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(assembly);
        start.ArgumentList.Add("append-audit");
        start.ArgumentList.Add(folder);
        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        long committed = 0;
        try
        {
            while (committed < killAfterRecords)
            {
                var line = await process.StandardOutput.ReadLineAsync(timeout.Token)
                    ?? throw new InvalidOperationException("The writer exited early: " + await process.StandardError.ReadToEndAsync());
                committed = long.Parse(line, System.Globalization.CultureInfo.InvariantCulture);
            }
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        // Lines printed after we stopped reading were committed too; read what the pipe still holds.
        while (await process.StandardOutput.ReadLineAsync() is { } rest)
        {
            committed = long.Parse(rest, System.Globalization.CultureInfo.InvariantCulture);
        }

        return committed;
    }
}
