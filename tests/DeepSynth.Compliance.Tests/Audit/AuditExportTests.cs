using System.Text;
using DeepSynth.Compliance.Audit;

namespace DeepSynth.Compliance.Tests.Audit;

public class AuditExportTests : AuditLogTestBase
{
    [Fact]
    public async Task A_users_records_in_a_period_are_exported_as_the_logs_own_lines_with_pseudonyms()
    {
        await AppendAsync(2, "13812345678");
        await AppendAsync(1, "bob");
        Clock.Advance(TimeSpan.FromDays(1));
        await AppendAsync(3, "13812345678");
        Clock.Advance(TimeSpan.FromDays(1));
        await AppendAsync(1, "13812345678");

        var output = new StringWriter();
        var count = AuditLogExport.Export(Folder.Path, new AuditExportQuery
        {
            Subject = Log.PseudonymOf("13812345678"),
            From = new DateTimeOffset(2026, 9, 1, 0, 0, 0, TimeSpan.Zero),
            To = new DateTimeOffset(2026, 9, 3, 0, 0, 0, TimeSpan.Zero),
        }, output);

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(5, count);
        Assert.Equal(5, lines.Length);
        Assert.DoesNotContain("13812345678", output.ToString());
        var onDisk = Files().SelectMany(File.ReadAllLines).ToHashSet();
        Assert.All(lines, l => Assert.Contains(l, onDisk)); // byte for byte, so each still verifies and can be proven
        Assert.Equal(new long[] { 1, 2, 4, 5, 6 }, lines.Select(l => AuditLine.Parse(Encoding.UTF8.GetBytes(l), out _).Sequence));
    }

    [Fact]
    public async Task An_export_over_a_damaged_record_fails_with_its_position()
    {
        await AppendAsync(3);
        var file = Files().Single();
        var text = File.ReadAllText(file);
        File.WriteAllText(file, text.Replace("\"model\":\"m\"", "\"model\":\"z\"", StringComparison.Ordinal));

        var error = Assert.Throws<InvalidDataException>(() => AuditLogExport.Export(Folder.Path, new AuditExportQuery(), new StringWriter()));
        Assert.Contains("at byte 0", error.Message);
    }
}
