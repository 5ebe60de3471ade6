using DeepSynth.Compliance.Audit;
using DeepSynth.Compliance.Tests.Support;

namespace DeepSynth.Compliance.Tests.Audit;

/// <summary>A writer that starts resumes the Merkle tree from the last checkpoint, reading only the records after it.</summary>
public class AuditWriterRestartTests : CheckpointedLogTestBase
{
    protected override void Configure(AuditLogOptions options)
    {
        base.Configure(options);
        options.CheckpointInterval = TimeSpan.FromDays(7); // checkpoints at the first record, rotation and disposal only
    }

    [Fact]
    public async Task Only_the_records_after_the_last_checkpoint_are_read_and_the_next_checkpoint_matches()
    {
        await PrepareAsync();

        var restarted = Reopen();
        await restarted.RecordAsync("after restart", new GenerationRecord());
        Assert.Equal(8, restarted.Chain.RecordsReadForMerkleTree); // the day-2 file: records 31 to 38 (35 was checkpointed)
        Assert.Equal(39, AuditCheckpointFile.Find(CheckpointFile, null).Size); // the restart's first record is checkpointed at once
        var result = VerifyTrusted();
        Assert.True(result.IsIntact, result.FirstBreak?.ToString());
    }

    [Fact]
    public async Task A_damaged_frontier_cache_is_ignored_and_the_tree_is_rebuilt_from_every_record()
    {
        await PrepareAsync();
        var cache = Path.Combine(Folder.Path, ".audit.merkle");
        var lines = File.ReadAllLines(cache);
        lines[2] = new string('0', 64);
        File.WriteAllLines(cache, lines);

        var restarted = Reopen();
        await restarted.RecordAsync("after restart", new GenerationRecord());
        Assert.Equal(38, restarted.Chain.RecordsReadForMerkleTree);
        Assert.Equal(39, AuditCheckpointFile.Find(CheckpointFile, null).Size);
        var result = VerifyTrusted();
        Assert.True(result.IsIntact, result.FirstBreak?.ToString());
    }

    /// <summary>35 checkpointed records over two days, then 3 more by a writer without checkpoints.</summary>
    private async Task PrepareAsync()
    {
        await AppendAsync(30);
        Clock.Advance(TimeSpan.FromDays(1));
        await AppendAsync(5);
        Log.Dispose(); // checkpoint of 35
        using (var plain = new SynthesisAuditLog(new AuditLogOptions { Directory = Folder.Path, PseudonymKey = TestKeys.PseudonymKey }, Clock))
        {
            for (var i = 0; i < 3; i++)
            {
                await plain.RecordAsync("unchecked " + i, new GenerationRecord());
            }
        }
    }
}
