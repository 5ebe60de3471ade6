using DeepSynth.Compliance.Audit;
using DeepSynth.Compliance.Tests.Support;

namespace DeepSynth.Compliance.Tests.Audit;

/// <summary>
/// A disk that fills up, simulated by a stream that writes what fits and then fails as ENOSPC does (injected through the
/// writer's internal stream seam; no real full file system is used).
/// </summary>
public class AuditDiskFullTests : CheckpointedLogTestBase
{
    private readonly Disk _disk = new();

    [Fact]
    public async Task A_record_that_does_not_fit_fails_leaves_no_partial_line_and_the_log_continues_when_space_returns()
    {
        Log.Chain.WrapWrites = _disk.Wrap;
        await AppendAsync(3);
        var committedBytes = new FileInfo(Files().Single()).Length;

        _disk.FreeBytes = 100; // less than one record
        await Assert.ThrowsAsync<IOException>(() => Log.RecordAsync("does not fit", new GenerationRecord { UserId = "alice" }));
        Assert.Equal(committedBytes, new FileInfo(Files().Single()).Length);
        var during = VerifyTrusted();
        Assert.True(during.IsIntact, during.FirstBreak?.ToString());
        Assert.Equal(3, during.RecordCount);
        Assert.DoesNotContain(during.Notes, n => n.Contains("interrupted"));

        _disk.FreeBytes = long.MaxValue;
        var next = await Log.RecordAsync("fits again", new GenerationRecord { UserId = "alice" });
        Assert.Equal(4, next.Sequence);
        var after = VerifyTrusted(CopiedCheckpointFile);
        Assert.True(after.IsIntact, after.FirstBreak?.ToString());
        Assert.Equal(4, after.RecordCount);
    }

    [Fact]
    public async Task A_checkpoint_that_does_not_fit_leaves_the_record_committed_and_the_next_checkpoint_covers_it()
    {
        // Only this host's disk fills up; the off-host copy has room.
        Log.Chain.Checkpoints!.WrapWrites = file => ((FileStream)file).Name.StartsWith(CopyFolder, StringComparison.Ordinal) ? file : _disk.Wrap(file);
        await AppendAsync(2);
        var checkpointBytes = new FileInfo(CheckpointFile).Length;

        _disk.FreeBytes = 50; // the record fits (records are not wrapped here), its checkpoint does not
        var record = await Log.RecordAsync("committed", new GenerationRecord { UserId = "alice" });
        Assert.Equal(3, record.Sequence);
        Assert.Equal(checkpointBytes, new FileInfo(CheckpointFile).Length);
        Assert.Equal(new long[] { 1, 2 }, AuditCheckpointFile.Read(CheckpointFile).Select(c => c.Size));
        Assert.Equal(new long[] { 1, 2, 3 }, AuditCheckpointFile.Read(CopiedCheckpointFile).Select(c => c.Size)); // the other disk had room

        _disk.FreeBytes = long.MaxValue;
        await AppendAsync(1);
        Assert.Equal(new long[] { 1, 2, 4 }, AuditCheckpointFile.Read(CheckpointFile).Select(c => c.Size));
        var result = VerifyTrusted();
        Assert.True(result.IsIntact, result.FirstBreak?.ToString());
    }
}
