using DeepSynth.Findings;

namespace DeepSynth.Build.Tests;

/// <summary>The baseline format and the finding fingerprint shared by the build task, the CLI and SARIF.</summary>
public class BaselineFormatTests
{
    [Fact]
    public void Fingerprint_ignores_line_shifts_and_whitespace_but_not_the_code_or_the_rule()
    {
        var original = FindingFingerprint.Compute("DSYN001", "src/Chat.cs", "    return Ok(response.Text);", 0);

        Assert.Equal(original, FindingFingerprint.Compute("DSYN001", "src\\Chat.cs", "return   Ok(response.Text);  ", 0));
        Assert.NotEqual(original, FindingFingerprint.Compute("DSYN003", "src/Chat.cs", "return Ok(response.Text);", 0));
        Assert.NotEqual(original, FindingFingerprint.Compute("DSYN001", "src/Chat.cs", "return Ok(answer);", 0));
        Assert.NotEqual(original, FindingFingerprint.Compute("DSYN001", "src/Chat.cs", "return Ok(response.Text);", 1));
        Assert.Matches("^[0-9a-f]{32}$", original);
    }

    [Fact]
    public void Baseline_round_trips_sorted_and_rejects_foreign_files()
    {
        var path = Path.GetTempFileName();
        new BaselineDocument(new[]
        {
            new BaselineEntry("DSYN003", "bb", "src/B.cs", 3, "unreviewed"),
            new BaselineEntry("DSYN001", "aa", "src/A.cs", 9, "unlabeled"),
        }).Write(path);

        var read = BaselineDocument.Read(path);

        Assert.Equal(new[] { "src/A.cs", "src/B.cs" }, read.Entries.Select(e => e.File));
        Assert.True(read.Contains("DSYN001", "aa"));
        Assert.False(read.Contains("DSYN001", "bb"));

        File.WriteAllText(path, """{ "version": 7, "findings": [] }""");
        Assert.Throws<InvalidDataException>(() => BaselineDocument.Read(path));
        File.WriteAllText(path, "not json");
        Assert.Throws<InvalidDataException>(() => BaselineDocument.Read(path));
    }
}
