using System.Text.Json;
using DeepSynth.Cli.Tests.Solutions;

namespace DeepSynth.Cli.Tests;

/// <summary>
/// Code that does not compile is said, never silent (issue 15, defect 6): a real project checked with and without a
/// method body that does not compile.
/// </summary>
public sealed class IncompleteAnalysisTests
{
    // Declarations bind; only the body does not (the case a declaration-only check missed).
    private const string Editing = """
        public class Draft
        {
            public void Publish(Bot bot)
            {
                int count = "not a number";
                bot.Post(bot.Generate());
            }
        }
        """;

    [Fact]
    public async Task Compile_errors_in_a_method_body_are_stated_and_the_verdict_is_not_verified()
    {
        using var solution = new TestSolution();
        var project = solution.AddProject("Chat", web: false, string.Empty, ("Bot.cs", StorySources.AnnotatedBot), ("Draft.cs", Editing));

        var (exit, output, error) = await CliRun.RunAsync("check", project, "--fail-on", "never");
        var (_, json, _) = await CliRun.RunAsync("check", project, "--fail-on", "never", "--no-restore", "--format", "json");

        Assert.True(exit == 0, error);
        Assert.Contains("Incomplete analysis: 1 file(s) in 1 project(s) could not be fully analysed (compile errors)", output);
        Assert.Contains("Verdict: Not verified: ", output);
        Assert.True(output.Replace('\\', '/').Contains("compile Chat.csproj: 1 file(s) could not be fully analysed: 1 compile error(s), first: ", StringComparison.Ordinal), output);
        using var report = JsonDocument.Parse(json);
        Assert.Equal("notVerified", report.RootElement.GetProperty("verdict").GetProperty("state").GetString());
        Assert.Equal(1, report.RootElement.GetProperty("verdict").GetProperty("filesWithCompileErrors").GetInt32());
        var input = report.RootElement.GetProperty("duties")[0].GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("rules")[0].GetString() == "DSYN004");
        Assert.Equal("notVerified", input.GetProperty("state").GetString());
    }

    [Fact]
    public async Task The_same_project_compiling_is_not_compliant_with_its_duties_met_or_not_met()
    {
        using var solution = new TestSolution();
        var project = solution.AddProject("Chat", web: false, string.Empty, ("Bot.cs", StorySources.AnnotatedBot));

        var (_, json, error) = await CliRun.RunAsync("check", project, "--fail-on", "never", "--format", "json");

        using var report = JsonDocument.Parse(json);
        Assert.True(report.RootElement.GetProperty("verdict").GetProperty("state").GetString() == "notCompliant", error);
        var states = report.RootElement.GetProperty("duties")[0].GetProperty("rows").EnumerateArray()
            .ToDictionary(r => r.GetProperty("rules")[0].GetString()!, r => r.GetProperty("state").GetString());
        Assert.Equal("notMet", states["DSYN001"]);
        Assert.Equal("met", states["DSYN004"]);
        // A class library is no service: no project duties without a manifest.
        Assert.Equal("notApplicable", states["DSYN101"]);
    }
}
