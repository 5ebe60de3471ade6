using DeepSynth.Compliance.Audit;

namespace DeepSynth.Compliance.Tests.Audit;

/// <summary>Verification against signed checkpoints finds each kind of damage and says which it is and where.</summary>
public class AuditCheckpointTests : CheckpointedLogTestBase
{
    [Fact]
    public async Task An_untouched_log_matches_every_checkpoint_and_each_is_copied_off_the_host()
    {
        await AppendAsync(5);

        var result = VerifyTrusted(CopiedCheckpointFile);
        Assert.True(result.IsIntact, result.FirstBreak?.ToString());
        Assert.Equal(10, result.CheckpointsMatched); // five in the folder, five in the copy
        Assert.Equal(new long[] { 1, 2, 3, 4, 5 }, AuditCheckpointFile.Read(CopiedCheckpointFile).Select(c => c.Size));
        Assert.All(AuditCheckpointFile.Read(CheckpointFile), c => Assert.True(c.IsSignedBy(Signer.PublicKey)));
    }

    [Fact]
    public async Task Records_cut_off_the_end_are_reported_as_truncation_at_the_end_of_the_file()
    {
        await AppendAsync(5);
        EditLines(lines => lines.RemoveRange(3, 2));

        var result = VerifyTrusted();
        var truncated = result.Breaks.Where(b => b.Kind == AuditBreakKind.Truncated).ToList();
        Assert.Equal(2, truncated.Count); // the checkpoints of 4 and 5 records
        Assert.All(truncated, b => Assert.Equal(new FileInfo(Files().Single()).Length, b.Offset));
        Assert.All(truncated, b => Assert.Equal(4, b.Line));
        Assert.Contains("cut off the end", truncated[0].Reason);
        Assert.Equal(3, result.CheckpointsMatched);
    }

    [Fact]
    public async Task A_host_that_deletes_records_and_its_own_checkpoints_is_caught_by_the_off_host_copy_only()
    {
        await AppendAsync(5);
        Log.Dispose();
        EditLines(lines => lines.RemoveRange(2, 3));
        File.Delete(CheckpointFile);

        Assert.True(AuditLogVerifier.Verify(Folder.Path).IsIntact); // what the docs admit: nothing on the host is left to compare
        var withCopy = VerifyTrusted(CopiedCheckpointFile);
        Assert.Equal(AuditBreakKind.Truncated, withCopy.FirstBreak!.Kind);
    }

    [Theory]
    [InlineData("edit", AuditBreakKind.Edited, 2)]
    [InlineData("remove", AuditBreakKind.Removed, 2)]
    [InlineData("reorder", AuditBreakKind.Reordered, 2)]
    [InlineData("duplicate", AuditBreakKind.Inserted, 3)]
    public async Task Each_kind_of_tampering_is_named_with_its_line_and_byte_offset(string change, AuditBreakKind kind, int line)
    {
        await AppendAsync(4);
        var original = File.ReadAllLines(Files().Single());
        EditLines(lines =>
        {
            switch (change)
            {
                case "edit": lines[1] = lines[1].Replace("\"model\":\"m\"", "\"model\":\"x\"", StringComparison.Ordinal); break;
                case "remove": lines.RemoveAt(1); break;
                case "reorder": (lines[1], lines[2]) = (lines[2], lines[1]); break;
                case "duplicate": lines.Insert(2, lines[1]); break;
            }
        });

        var result = VerifyTrusted();
        Assert.Equal(kind, result.FirstBreak!.Kind);
        Assert.Equal(line, result.FirstBreak.Line);
        Assert.Equal(original.Take(line - 1).Sum(l => l.Length + 1), result.FirstBreak.Offset);
    }

    [Fact]
    public async Task A_log_rewritten_with_a_consistent_chain_is_caught_by_the_checkpoints()
    {
        await AppendAsync(4);
        Log.Dispose();
        EditLines(lines =>
        {
            // Re-create every record from the second on with a forged field, hashes and links all recomputed.
            var previous = AuditLine.Parse(System.Text.Encoding.UTF8.GetBytes(lines[0]), out _).Hash;
            for (var i = 1; i < lines.Count; i++)
            {
                var record = AuditLine.Parse(System.Text.Encoding.UTF8.GetBytes(lines[i]), out _);
                var data = record.Data.ToDictionary(p => p.Key, p => p.Value);
                data["model"] = "forged";
                var (bytes, forged) = AuditLine.Create(record.Sequence, record.Timestamp, record.Type, record.Subject, data, previous);
                lines[i] = System.Text.Encoding.UTF8.GetString(bytes).TrimEnd('\n');
                previous = forged.Hash;
            }
        });

        Assert.True(AuditLogVerifier.Verify(Folder.Path, new AuditVerificationOptions()).Breaks.All(b => b.Kind == AuditBreakKind.Rewritten));
        var result = VerifyTrusted();
        Assert.Equal(new long?[] { 2, 3, 4 }, result.Breaks.Select(b => b.Sequence));
        Assert.All(result.Breaks, b => Assert.Equal(AuditBreakKind.Rewritten, b.Kind));
        Assert.Equal(1, result.CheckpointsMatched);
    }

    [Fact]
    public async Task Checkpoints_edited_or_signed_by_another_key_are_reported()
    {
        await AppendAsync(2);
        var lines = File.ReadAllLines(CheckpointFile);
        lines[0] = lines[0].Replace("\"size\":1", "\"size\":2", StringComparison.Ordinal);
        File.WriteAllLines(CheckpointFile, lines);

        var edited = VerifyTrusted();
        var bad = Assert.Single(edited.Breaks);
        Assert.Equal(AuditBreakKind.BadCheckpoint, bad.Kind);
        Assert.Equal(1, bad.Line);
        Assert.Contains("signature does not match", bad.Reason);

        var foreign = AuditLogVerifier.Verify(Folder.Path, new AuditVerificationOptions { TrustedKey = AuditCheckpointSigner.Generate("sm2").PublicKey });
        Assert.Equal(2, foreign.Breaks.Count);
        Assert.All(foreign.Breaks, b => Assert.Contains("not by the trusted key", b.Reason));
    }
}
