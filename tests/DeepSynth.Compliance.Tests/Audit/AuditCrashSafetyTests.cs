using System.Diagnostics;
using DeepSynth.Compliance.Audit;
using DeepSynth.Compliance.Tests.Support;

namespace DeepSynth.Compliance.Tests.Audit;

/// <summary>A writer process killed (SIGKILL) at a random moment, inside a record's write, or inside a checkpoint's write.</summary>
public class AuditCrashSafetyTests
{
    private static readonly AuditPublicKey CheckpointKey = AuditCheckpointSigner.Parse(TestKeys.CheckpointPrivateKey).PublicKey;

    [Fact]
    public async Task A_writer_killed_mid_append_loses_no_committed_record()
    {
        using var folder = new TempDirectory();
        var committed = await RunAndKillWriterAsync(folder.Path, killAfterRecords: 150);

        var afterKill = AuditLogVerifier.Verify(folder.Path);
        Assert.True(afterKill.IsIntact, afterKill.FirstBreak?.ToString());
        Assert.True(afterKill.RecordCount >= committed, $"{committed} records were reported committed, {afterKill.RecordCount} are on disk");

        await AppendOneAndVerifyAsync(folder.Path, afterKill.RecordCount, checkpoints: false);
    }

    [Fact]
    public async Task A_writer_killed_halfway_through_a_record_keeps_every_committed_record_and_checkpoint()
    {
        using var folder = new TempDirectory();
        var committed = await RunAndKillWriterAsync(folder.Path, killAfterRecords: int.MaxValue, "checkpoints", "stall-record", "20");
        Assert.Equal(20, committed);

        var afterKill = Verify(folder.Path);
        Assert.True(afterKill.IsIntact, afterKill.FirstBreak?.ToString());
        Assert.Equal(20, afterKill.RecordCount);
        Assert.Equal(20, afterKill.CheckpointsMatched);
        Assert.Contains(afterKill.Notes, n => n.Contains("write was interrupted"));

        await AppendOneAndVerifyAsync(folder.Path, 20, checkpoints: true);
    }

    [Fact]
    public async Task A_writer_killed_halfway_through_a_checkpoint_keeps_the_record_and_the_earlier_checkpoints()
    {
        using var folder = new TempDirectory();
        var committed = await RunAndKillWriterAsync(folder.Path, killAfterRecords: int.MaxValue, "checkpoints", "stall-checkpoint", "20");
        Assert.Equal(20, committed); // record 21 was on disk, its append had not returned

        var afterKill = Verify(folder.Path);
        Assert.True(afterKill.IsIntact, afterKill.FirstBreak?.ToString());
        Assert.Equal(21, afterKill.RecordCount);
        Assert.Equal(20, afterKill.CheckpointsMatched);
        Assert.Contains(afterKill.Notes, n => n.Contains("checkpoint whose write was interrupted"));

        await AppendOneAndVerifyAsync(folder.Path, 21, checkpoints: true);
    }

    private static AuditVerificationResult Verify(string folder) =>
        AuditLogVerifier.Verify(folder, new AuditVerificationOptions { TrustedKey = CheckpointKey });

    /// <summary>A new writer repairs any torn tail and continues the same chain (and the same Merkle tree).</summary>
    private static async Task AppendOneAndVerifyAsync(string folder, long recordsOnDisk, bool checkpoints)
    {
        var before = checkpoints ? AuditCheckpointFile.Find(AuditCheckpointFile.PathIn(folder), null) : null;
        var options = new AuditLogOptions { Directory = folder, PseudonymKey = TestKeys.PseudonymKey, CheckpointPrivateKey = checkpoints ? TestKeys.CheckpointPrivateKey : null };
        using (var log = new SynthesisAuditLog(options))
        {
            var next = await log.RecordAsync("after the crash", new GenerationRecord { UserId = "alice" });
            Assert.Equal(recordsOnDisk + 1, next.Sequence);
        }

        var final = Verify(folder);
        Assert.True(final.IsIntact, final.FirstBreak?.ToString());
        Assert.Equal(recordsOnDisk + 1, final.RecordCount);
        Assert.DoesNotContain(final.Notes, n => !n.Contains("Checkpoint signatures"));
        if (before is not null)
        {
            var after = AuditCheckpointFile.Find(AuditCheckpointFile.PathIn(folder), null);
            Assert.Equal(recordsOnDisk + 1, after.Size);
            Assert.True(AuditProofs.ProveConsistency(folder, before, after).Verify(CheckpointKey).IsValid);
        }
    }

    private static async Task<long> RunAndKillWriterAsync(string folder, int killAfterRecords, params string[] options)
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
        foreach (var option in options)
        {
            start.ArgumentList.Add(option);
        }

        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        long committed = 0;
        try
        {
            while (committed < killAfterRecords)
            {
                var line = await process.StandardOutput.ReadLineAsync(timeout.Token)
                    ?? throw new InvalidOperationException("The writer exited early: " + await process.StandardError.ReadToEndAsync());
                if (line == "stalled")
                {
                    break; // the writer sits halfway through a write: kill it there
                }

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
            committed = rest == "stalled" ? committed : long.Parse(rest, System.Globalization.CultureInfo.InvariantCulture);
        }

        return committed;
    }
}
