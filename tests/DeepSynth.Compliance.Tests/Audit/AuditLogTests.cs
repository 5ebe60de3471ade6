using System.Text;
using DeepSynth.Compliance.Audit;
using DeepSynth.Compliance.Tests.Support;

namespace DeepSynth.Compliance.Tests.Audit;

public class AuditLogTests : AuditLogTestBase
{
    [Fact]
    public async Task Records_chain_and_verify()
    {
        var first = await Log.RecordAsync("hello", new GenerationRecord { UserId = "alice", Model = "qwen", ContentId = "p-1", Labeled = true });
        var second = await Log.RecordAsync(new byte[] { 1, 2, 3 }, new GenerationRecord { UserId = "bob", Kind = GeneratedMediaKind.Image });

        Assert.Equal(1, first.Sequence);
        Assert.Equal(new string('0', 64), first.PreviousHash);
        Assert.Equal(first.Hash, second.PreviousHash);
        Assert.Equal("2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824", first.Data["contentSha256"]); // SHA-256("hello")

        var result = AuditLogVerifier.Verify(Folder.Path);
        Assert.True(result.IsIntact, result.FirstBreak?.ToString());
        Assert.Equal(2, result.RecordCount);
        Assert.Equal(second.Hash, result.Heads["audit"]);
    }

    [Fact]
    public async Task Users_are_pseudonymous_and_raw_numbers_are_refused()
    {
        await Log.RecordAsync("x", new GenerationRecord { UserId = "13812345678" });
        var text = File.ReadAllText(Files().Single());
        Assert.DoesNotContain("13812345678", text);
        Assert.Contains(new UserPseudonymizer(TestKeys.PseudonymKey).Pseudonymize("13812345678"), text);

        var generation = new GenerationRecord { UserId = "alice" };
        generation.Attributes["note"] = "call 13812345678";
        var error = await Assert.ThrowsAsync<ArgumentException>(() => Log.RecordAsync("x", generation));
        Assert.Contains("raw mobile or ID number", error.Message);

        await Assert.ThrowsAsync<ArgumentException>(() => Log.RecordEventAsync("e", null, new Dictionary<string, string> { ["id"] = "11010519491231002X" }));
    }

    [Fact]
    public void Retention_under_180_days_is_a_configuration_error()
    {
        var error = Assert.Throws<ComplianceConfigurationException>(() => new SynthesisAuditLog(new AuditLogOptions { Directory = Folder.Path, PseudonymKey = TestKeys.PseudonymKey, RetentionDays = 90 }));
        Assert.Contains("at least 180 days", error.Message);
        var key = Assert.Throws<ComplianceConfigurationException>(() => new SynthesisAuditLog(new AuditLogOptions { Directory = Folder.Path, PseudonymKey = Convert.ToBase64String(new byte[8]) }));
        Assert.Contains("at least 32", key.Message);
    }

    [Fact]
    public async Task An_edited_record_is_found()
    {
        var result = await TamperAsync(lines => lines[0] = lines[0].Replace("\"model\":\"m\"", "\"model\":\"n\"", StringComparison.Ordinal));
        Assert.Equal(1, result.FirstBreak!.Line);
        Assert.Contains("does not match its hash", result.FirstBreak.Reason);
    }

    [Fact]
    public async Task A_removed_record_is_found()
    {
        var result = await TamperAsync(lines => lines.RemoveAt(1));
        Assert.Equal(2, result.FirstBreak!.Line);
        Assert.Contains("records are missing", result.FirstBreak.Reason);
        Assert.Equal(AuditBreakKind.Removed, result.FirstBreak.Kind);
    }

    [Fact]
    public async Task Reordered_records_are_found()
    {
        var result = await TamperAsync(lines => (lines[1], lines[2]) = (lines[2], lines[1]));
        Assert.Equal(2, result.FirstBreak!.Line);
    }

    [Fact]
    public async Task Files_rotate_daily_and_the_chain_spans_them()
    {
        await AppendAsync(2);
        Clock.Advance(TimeSpan.FromDays(1));
        await AppendAsync(2);

        Assert.Equal(new[] { "audit-2026-09-01.jsonl", "audit-2026-09-02.jsonl" }, Files().Select(Path.GetFileName));
        var result = AuditLogVerifier.Verify(Folder.Path);
        Assert.True(result.IsIntact, result.FirstBreak?.ToString());
        Assert.Equal(4, result.RecordCount);
    }

    [Fact]
    public async Task Retention_purges_old_files_and_the_chain_still_verifies_but_a_deleted_file_does_not()
    {
        await AppendAsync(2);
        Clock.Advance(TimeSpan.FromDays(100));
        await AppendAsync(2);
        Clock.Advance(TimeSpan.FromDays(100)); // the first file is now 200 days old
        await AppendAsync(1);

        Assert.Equal(new[] { "audit-2026-12-10.jsonl", "audit-2027-03-20.jsonl" }, Files().Select(Path.GetFileName));
        var result = AuditLogVerifier.Verify(Folder.Path);
        Assert.True(result.IsIntact, result.FirstBreak?.ToString());
        Assert.Contains(result.Notes, n => n.Contains("purged"));

        File.Delete(Files()[0]); // a deletion the writer did not record
        var broken = AuditLogVerifier.Verify(Folder.Path);
        Assert.False(broken.IsIntact);
        Assert.Contains("missing", broken.FirstBreak!.Reason);
    }

    [Fact]
    public async Task Concurrent_appends_keep_one_linear_chain()
    {
        await Task.WhenAll(Enumerable.Range(0, 8).Select(t => Task.Run(() => AppendAsync(25, "user" + t))));

        var result = AuditLogVerifier.Verify(Folder.Path);
        Assert.True(result.IsIntact, result.FirstBreak?.ToString());
        Assert.Equal(200, result.RecordCount);
    }

    [Fact]
    public async Task A_torn_last_line_is_removed_on_restart_and_the_chain_continues()
    {
        await AppendAsync(3);
        var file = Files().Single();
        File.AppendAllText(file, "{\"seq\":4,\"ts\":\"2026-09-01T08:00:00Z\",\"type\":\"gen", Encoding.UTF8);

        var before = AuditLogVerifier.Verify(Folder.Path);
        Assert.True(before.IsIntact);
        Assert.Contains(before.Notes, n => n.Contains("interrupted"));

        Reopen();
        var next = await Log.RecordAsync("after crash", new GenerationRecord());
        Assert.Equal(4, next.Sequence);
        var after = AuditLogVerifier.Verify(Folder.Path);
        Assert.True(after.IsIntact, after.FirstBreak?.ToString());
        Assert.Equal(4, after.RecordCount);
        Assert.Empty(after.Notes);
    }

    /// <summary>Writes four records, changes the file's lines as an attacker would, and verifies.</summary>
    private async Task<AuditVerificationResult> TamperAsync(Action<List<string>> change)
    {
        await AppendAsync(4);
        var file = Files().Single();
        var lines = File.ReadAllLines(file).ToList();
        change(lines);
        File.WriteAllText(file, string.Join("\n", lines) + "\n");
        var result = AuditLogVerifier.Verify(Folder.Path);
        Assert.False(result.IsIntact);
        return result;
    }

    [Fact]
    public async Task A_second_writer_on_the_same_folder_is_refused()
    {
        await AppendAsync(1);
        using var other = new SynthesisAuditLog(new AuditLogOptions { Directory = Folder.Path, PseudonymKey = TestKeys.PseudonymKey }, Clock);
        var error = await Assert.ThrowsAsync<IOException>(() => other.RecordAsync("x", new GenerationRecord()));
        Assert.Contains("Another process is writing", error.Message);
    }
}
