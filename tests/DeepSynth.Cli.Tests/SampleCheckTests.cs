using System.Text.Json;
using DeepSynth.Cli.Tests.Solutions;
using DeepSynth.TestSupport;

namespace DeepSynth.Cli.Tests;

/// <summary>The README's main job: check on the bundled sample reports what the analyzer reports in a build of it.</summary>
public sealed class SampleCheckTests
{
    [Fact]
    public async Task Check_of_the_sample_reports_the_approved_content_flow_findings()
    {
        var sample = RepositoryPaths.Combine("samples", "ChatService", "ChatService.csproj");

        var (exit, output, error) = await CliRun.RunAsync("check", sample, "--format", "json");

        Assert.True(exit == 1, error);
        using var report = JsonDocument.Parse(output);
        var lines = report.RootElement.GetProperty("findings").EnumerateArray()
            .Where(f => f.GetProperty("ruleId").GetString()!.StartsWith("DSYN00", StringComparison.Ordinal))
            .Select(f => $"{f.GetProperty("file").GetString()}({f.GetProperty("line").GetInt32()},{f.GetProperty("column").GetInt32()}): " +
                         $"{f.GetProperty("ruleId").GetString()}: {f.GetProperty("message").GetString()} " +
                         $"[also: {string.Join(", ", f.GetProperty("related").EnumerateArray().Select(r => $"{r.GetProperty("file").GetString()}:{r.GetProperty("line").GetInt32()}"))}]");
        var approved = File.ReadAllLines(RepositoryPaths.Combine("tests", "DeepSynth.Analyzers.Tests", "Samples", "SampleFindingsTests.ChatService_findings_match_the_approved_list.approved.txt"))
            .Select(l => l.TrimStart('\uFEFF'))
            .Where(l => l.Length > 0);

        Assert.Equal(approved, lines);
        // README command 1 promises exactly these: nothing that could not be analysed, no project-duty finding the manifest answers.
        Assert.Empty(report.RootElement.GetProperty("problems").EnumerateArray());
        Assert.Equal(approved.Count(), report.RootElement.GetProperty("findings").GetArrayLength());
        Assert.Equal("notCompliant", report.RootElement.GetProperty("verdict").GetProperty("state").GetString());
    }
}
