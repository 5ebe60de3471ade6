namespace DeepSynth.Build.Tests;

public class SarifLogReaderTests
{
    [Theory]
    [InlineData("obj/log.sarif,version=2.1", "obj/log.sarif")]
    [InlineData("obj/log.sarif", "obj/log.sarif")]
    [InlineData(" obj/log.sarif , version=2.1", "obj/log.sarif")]
    public void Error_log_value_yields_its_path(string errorLog, string path) => Assert.Equal(path, SarifLogReader.PathOf(errorLog));

    [Fact]
    public void Reads_only_DeepSynth_results_with_location_and_suppression()
    {
        var path = Path.GetTempFileName();
        File.WriteAllText(path, """
            {
              "$schema": "http://json.schemastore.org/sarif-2.1.0",
              "version": "2.1.0",
              "runs": [ { "results": [
                { "ruleId": "CS0168", "level": "warning", "message": { "text": "unused" } },
                { "ruleId": "DSYN001", "level": "warning", "message": { "text": "unlabeled" },
                  "locations": [ { "physicalLocation": { "artifactLocation": { "uri": "file:///src/Program.cs" }, "region": { "startLine": 12, "startColumn": 5 } } } ] },
                { "ruleId": "DSYN003", "level": "error", "message": { "text": "unreviewed" },
                  "suppressions": [ { "kind": "inSource", "justification": "internal tool" } ] }
              ] } ]
            }
            """);

        var findings = SarifLogReader.Read(path);

        Assert.Collection(findings,
            f =>
            {
                Assert.Equal("DSYN001", f.RuleId);
                Assert.Equal("/src/Program.cs", f.File);
                Assert.Equal(12, f.Line);
                Assert.False(f.Suppressed);
            },
            f =>
            {
                Assert.Equal("DSYN003", f.RuleId);
                Assert.Equal("error", f.Level);
                Assert.True(f.Suppressed);
                Assert.Equal("internal tool", f.Justification);
            });
    }
}
