using DeepSynth.Compliance.Audit;

namespace DeepSynth.Compliance.Tests.Audit;

/// <summary>When checkpoints are written: at the interval (also when the log goes quiet), at rotation and on disposal.</summary>
public class AuditCheckpointScheduleTests : CheckpointedLogTestBase
{
    protected override void Configure(AuditLogOptions options)
    {
        base.Configure(options);
        options.CheckpointInterval = TimeSpan.FromMinutes(1);
    }

    private long[] Sizes() => AuditCheckpointFile.Read(CheckpointFile).Select(c => c.Size).ToArray();

    [Fact]
    public async Task A_checkpoint_follows_the_first_record_then_one_per_interval_including_after_the_last_record()
    {
        await AppendAsync(3);
        Assert.Equal(new long[] { 1 }, Sizes());

        Clock.Advance(TimeSpan.FromSeconds(30));
        await AppendAsync(2);
        Assert.Equal(new long[] { 1 }, Sizes());

        Clock.Advance(TimeSpan.FromSeconds(31)); // the timer fires with no append in sight
        Assert.Equal(new long[] { 1, 5 }, Sizes());

        Clock.Advance(TimeSpan.FromMinutes(5)); // nothing new: no empty checkpoints
        Assert.Equal(new long[] { 1, 5 }, Sizes());
    }

    [Fact]
    public async Task After_a_retention_purge_the_retained_records_stay_provable_and_the_log_matches_its_checkpoints()
    {
        await AppendAsync(3);
        Clock.Advance(TimeSpan.FromDays(100));
        await AppendAsync(3);
        var beforePurge = await Log.CheckpointAsync();
        Clock.Advance(TimeSpan.FromDays(100));
        await AppendAsync(2); // the first day's file is now past 180 days and is purged

        Assert.Equal(2, Files().Length);
        var latest = await Log.CheckpointAsync();
        Assert.NotNull(latest);
        var result = VerifyTrusted();
        Assert.True(result.IsIntact, result.FirstBreak?.ToString());
        Assert.Contains(result.Notes, n => n.Contains("purged"));

        for (var seq = 4; seq <= latest!.Size; seq++)
        {
            Assert.True(AuditProofs.ProveInclusion(Folder.Path, seq, latest).Verify(Signer.PublicKey).IsValid, $"record {seq}");
        }

        Assert.True(AuditProofs.ProveConsistency(Folder.Path, beforePurge!, latest).Verify(Signer.PublicKey).IsValid);
        Assert.Throws<InvalidOperationException>(() => AuditProofs.ProveInclusion(Folder.Path, 2, latest));
    }
}

/// <summary>With an interval longer than a day, the checkpoints that remain are the rotation's and the disposal's.</summary>
public class AuditRotationCheckpointTests : CheckpointedLogTestBase
{
    protected override void Configure(AuditLogOptions options)
    {
        base.Configure(options);
        options.CheckpointInterval = TimeSpan.FromDays(7);
    }

    [Fact]
    public async Task Rotation_and_disposal_each_write_a_checkpoint()
    {
        await AppendAsync(2); // the first record is checkpointed at once
        Clock.Advance(TimeSpan.FromDays(1));
        await AppendAsync(2); // the new day's file opens: first a checkpoint of the closed file's 2 records
        Log.Dispose();

        Assert.Equal(new long[] { 1, 2, 4 }, AuditCheckpointFile.Read(CheckpointFile).Select(c => c.Size));
        Assert.True(VerifyTrusted().IsIntact);
    }
}

/// <summary>A folder purged by a writer without checkpoints has no Merkle frontier for the purged records.</summary>
public class AuditCheckpointsAfterAnOldPurgeTests
{
    [Fact]
    public async Task The_log_keeps_recording_without_checkpoints_and_still_verifies()
    {
        using var folder = new Support.TempDirectory();
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 8, 0, 0, TimeSpan.Zero));
        var plain = new AuditLogOptions { Directory = folder.Path, PseudonymKey = Support.TestKeys.PseudonymKey };
        using (var log = new SynthesisAuditLog(plain, clock))
        {
            await log.RecordAsync("old", new GenerationRecord());
            clock.Advance(TimeSpan.FromDays(200));
            await log.RecordAsync("purges the old file", new GenerationRecord());
        }

        plain.CheckpointSigner = CheckpointedLogTestBase.Signer;
        using (var log = new SynthesisAuditLog(plain, clock))
        {
            var record = await log.RecordAsync("after", new GenerationRecord());
            Assert.Equal(4, record.Sequence); // 1 purged, 2 the purge record, 3 the record that triggered it
            Assert.Null(await log.CheckpointAsync());
        }

        Assert.False(File.Exists(AuditCheckpointFile.PathIn(folder.Path)));
        var result = AuditLogVerifier.Verify(folder.Path);
        Assert.True(result.IsIntact, result.FirstBreak?.ToString());
    }
}
