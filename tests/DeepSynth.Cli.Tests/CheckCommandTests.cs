using System.Text.Json;
using DeepSynth.Cli.Reports;
using DeepSynth.Cli.Tests.Solutions;
using DeepSynth.Findings;

namespace DeepSynth.Cli.Tests;

/// <summary>check and baseline as a pipeline runs them: exit codes, reports, baselines (on the restored Stories solution).</summary>
[Collection(StoriesCollection.Name)]
public sealed class CheckCommandTests
{
    private readonly StoriesSolution _stories;

    public CheckCommandTests(StoriesSolution stories) => _stories = stories;

    private string WebProject => _stories.Files.PathOf("Web/Web.csproj");

    [Fact]
    public async Task Check_exits_1_on_findings_writes_the_report_and_prints_the_summary_by_rule_and_article()
    {
        var sarifPath = _stories.Files.PathOf("web.sarif");

        var (exit, output, error) = await CliRun.RunAsync("check", WebProject, "--no-restore", "--format", "sarif", "--output", sarifPath);

        Assert.Equal(1, exit);
        using var sarif = JsonDocument.Parse(File.ReadAllText(sarifPath));
        Assert.Equal("2.1.0", sarif.RootElement.GetProperty("version").GetString());
        Assert.Matches(@"DSYN001\s+DSP 17; LM 4; GB 45438 §5-6\s+1\s+0", output);
        Assert.Contains("Program.cs(4,", output);
        Assert.Contains("from ../Generation/StoryWriter.cs:9 (another project)", output.Replace('\\', '/'));
        // Standard error is no terminal here: no progress, only what the user must read.
        Assert.DoesNotContain("Analysing", error);
    }

    [Fact]
    public async Task Check_with_fail_on_never_exits_0_and_the_document_reports_show_the_cross_project_source()
    {
        var (exit, _, _) = await CliRun.RunAsync("check", WebProject, "--no-restore", "--fail-on", "never", "--format", "json");
        Assert.Equal(0, exit);

        var markdown = MarkdownReport.Render(_stories.Result);
        Assert.Contains("| warning | DSYN001 | Web/Program.cs:4 |", markdown);
        Assert.Contains("Generation/StoryWriter.cs:9 (other project) |", markdown);
        // The build report's standard: bilingual, a verdict, one duty table per project with the states, a legend, published links.
        Assert.Contains("# DeepSynth compliance check / 深度合成合规检查报告", markdown);
        Assert.Contains("| Verdict / 结论 | Not verified: ", markdown);
        Assert.Contains("## Duties of Web / Web 的义务", markdown);
        Assert.Contains("| Visible label on generated content / 生成合成内容添加显式标识 | DSYN001 | Not met / 不符合 |", markdown);
        Assert.Contains("| GB 45438 §4, §6 | Label texts contain the AI and generation elements / 标识文字包含人工智能与生成合成要素 | DSYN010 |", markdown);
        Assert.Contains("| DSP 16; LM 5; GB 45438 Annex E | Machine-readable AIGC metadata in generated files / 生成合成内容添加隐式标识（AIGC 元数据） | DSYN011 |", markdown);
        Assert.Contains("Basis / 依据: DSP = Deep Synthesis Provisions", markdown);
        Assert.Contains("https://github.com/deepsynth/deepsynth-analyzers/blob/main/docs/rules/DSYN001.md", markdown);
        Assert.DoesNotContain("docs/rules/DSYN001.md |", markdown.Replace("https://github.com/deepsynth/deepsynth-analyzers/blob/main/docs/rules/DSYN001.md", string.Empty));
        var html = HtmlReport.Render(_stories.Result);
        Assert.Contains("<td>Web/Program.cs:4</td>", html);
        Assert.Contains("&#39;IChatClient.GetResponseAsync&#39;", html);
        Assert.Contains("<span class=\"state bad\">Not met / 不符合</span>", html);
        Assert.Contains("<span class=\"state unverified\">Not verified: ", html);
        using var json = JsonDocument.Parse(JsonReport.Render(_stories.Result));
        var finding = json.RootElement.GetProperty("findings").EnumerateArray().First(f => f.GetProperty("ruleId").GetString() == "DSYN001" && f.GetProperty("project").GetString() == "Web");
        Assert.Equal("Generation/StoryWriter.cs", finding.GetProperty("related")[0].GetProperty("file").GetString());
    }

    [Fact]
    public async Task Baseline_accepts_the_findings_then_check_passes_and_lists_them_apart()
    {
        var baselinePath = _stories.Files.PathOf("Web/" + BaselineDocument.FileName);
        try
        {
            var written = await CliRun.RunAsync("baseline", WebProject, "--no-restore");
            Assert.Equal(0, written.Exit);
            Assert.Contains(baselinePath, written.Output);

            // The same fingerprint as the solution-wide check: it is relative to the project, whatever was checked.
            var baseline = BaselineDocument.Read(baselinePath);
            var published = _stories.FindingsOf("Web", "DSYN001").Single();
            Assert.Contains(baseline.Entries, e => e.RuleId == "DSYN001" && e.File == "Program.cs" && e.Fingerprint == published.Fingerprint);

            var (exit, output, _) = await CliRun.RunAsync("check", WebProject, "--no-restore");
            Assert.Equal(0, exit);
            Assert.Contains("Baselined findings", output);
            Assert.Matches(@"DSYN001\s+DSP 17; LM 4; GB 45438 §5-6\s+0\s+1", output);
            Assert.Contains("0 new finding(s) at or above warning", output);
            // A baseline accepts known gaps; it does not close them.
            Assert.Matches(@"Verdict: Passes the gate with \d+ accepted finding\(s\), not compliant", output);
        }
        finally
        {
            File.Delete(baselinePath);
        }
    }

    [Theory]
    [InlineData("check", "--format", "xml")]
    [InlineData("check", "--fail-on", "sometimes")]
    [InlineData("check", "--unknown-option")]
    [InlineData("check", "does/not/exist.sln")]
    [InlineData("fix", "--diagnostics", "DSYN999")]
    [InlineData("baseline", "a.txt")]
    public async Task Wrong_arguments_exit_2_with_the_reason(params string[] args)
    {
        var (exit, _, error) = await CliRun.RunAsync(args);

        Assert.Equal(2, exit);
        Assert.StartsWith($"deepsynth {args[0]}:", error.TrimStart());
    }

    [Fact]
    public async Task A_target_with_no_loadable_project_exits_2()
    {
        var (exit, _, error) = await CliRun.RunAsync("check", _stories.Files.PathOf("Broken/Broken.csproj"), "--no-restore");

        Assert.Equal(2, exit);
        Assert.Contains("could be loaded", error);
    }
}
