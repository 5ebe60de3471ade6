using System.Text.Json;
using DeepSynth.Cli.Reports;
using DeepSynth.Cli.Tests.Solutions;

namespace DeepSynth.Cli.Tests;

/// <summary>
/// Issue 15, defect 1, as `deepsynth check` sees it: a web service whose deepsynth.json is not JSON gets every project duty
/// "not verified" (never met) in the console, JSON, Markdown and SARIF, and a readable manifest gets them judged.
/// </summary>
public sealed class BrokenManifestCheckTests
{
    private const string Program = """
        var app = WebApplication.CreateBuilder(args).Build();
        app.MapGet("/", () => "hello");
        app.Run();
        """;

    private static readonly string[] ProjectDutyRules = { "DSYN101", "DSYN102", "DSYN103", "DSYN104", "DSYN105", "DSYN106", "DSYN107" };

    [Fact]
    public async Task A_manifest_that_is_not_JSON_leaves_every_project_duty_not_verified_in_every_report()
    {
        using var solution = new TestSolution();
        var project = ServiceWithManifest(solution, """{"providerCode":"ACME-1","logRetentionDays":90,}""");
        var sarifPath = solution.PathOf("web.sarif");

        var (exit, console, error) = await CliRun.RunAsync("check", project, "--fail-on", "never", "--format", "sarif", "--output", sarifPath);
        var (_, json, _) = await CliRun.RunAsync("check", project, "--no-restore", "--fail-on", "never", "--format", "json");
        var (_, markdown, _) = await CliRun.RunAsync("check", project, "--no-restore", "--fail-on", "never", "--format", "md");

        Assert.True(exit == 0, error);
        // Located in the file, as the build reports it, and worded (no raw parser position).
        Assert.Contains("deepsynth.json(1,48): warning DSYN901: deepsynth.json is not valid JSON: expected a property name in double quotes", console);
        // Seven project duties and the platform duty (the roles are in the unreadable file).
        Assert.Contains("Verdict: Not compliant: 4 new finding(s); 8 duty(ies) could not be checked", console);

        using var report = JsonDocument.Parse(json);
        var projectRows = ProjectDutyRows(report);
        Assert.Equal(7, projectRows.Count);
        Assert.All(projectRows, row => Assert.Equal("notVerified", row.State));
        Assert.All(projectRows, row => Assert.Contains("deepsynth.json could not be read / 合规清单无法读取: deepsynth.json:1: deepsynth.json is not valid JSON", row.Reason));

        var rows = markdown.Split('\n').Where(l => l.StartsWith("| ", StringComparison.Ordinal) && ProjectDutyRules.Any(l.Contains)).ToList();
        Assert.Equal(7, rows.Count);
        Assert.All(rows, row => Assert.Contains("| Not verified / 未验证 |", row));
        Assert.DoesNotContain("Met / 符合", string.Join("\n", rows));
        Assert.DoesNotContain("90 days", markdown);

        using var sarif = JsonDocument.Parse(File.ReadAllText(sarifPath));
        var run = sarif.RootElement.GetProperty("runs")[0];
        Assert.Equal("notCompliant", run.GetProperty("properties").GetProperty("verdict").GetString());
        Assert.Equal(8, run.GetProperty("properties").GetProperty("notVerifiedDuties").GetInt32());
        var notifications = run.GetProperty("invocations")[0].GetProperty("toolExecutionNotifications").EnumerateArray()
            .Select(n => n.GetProperty("message").GetProperty("text").GetString()!).ToList();
        Assert.Equal(8, notifications.Count(n => n.Contains("not verified / 未验证", StringComparison.Ordinal)));

        // Accepting today's findings does not make the manifest readable: the verdict is "not verified", never compliant.
        Assert.Equal(0, (await CliRun.RunAsync("baseline", project, "--no-restore")).Exit);
        var (_, accepted, _) = await CliRun.RunAsync("check", project, "--no-restore", "--fail-on", "never");
        var (_, acceptedJson, _) = await CliRun.RunAsync("check", project, "--no-restore", "--fail-on", "never", "--format", "json");
        Assert.Contains("Verdict: Not verified: ", accepted);
        Assert.DoesNotContain("Compliant", accepted.Replace("Not compliant", string.Empty, StringComparison.Ordinal));
        using var acceptedReport = JsonDocument.Parse(acceptedJson);
        Assert.Equal("notVerified", acceptedReport.RootElement.GetProperty("verdict").GetProperty("state").GetString());
        Assert.False(acceptedReport.RootElement.GetProperty("verdict").GetProperty("compliant").GetBoolean());
    }

    [Fact]
    public async Task The_same_service_with_a_readable_manifest_has_its_project_duties_judged()
    {
        using var solution = new TestSolution();
        var project = ServiceWithManifest(solution, """{"providerCode":"ACME-1","logRetentionDays":90}""");

        var (_, json, error) = await CliRun.RunAsync("check", project, "--fail-on", "never", "--format", "json");

        using var report = JsonDocument.Parse(json);
        Assert.True(report.RootElement.GetProperty("verdict").GetProperty("state").GetString() == "notCompliant", error + json);
        var states = ProjectDutyRows(report).ToDictionary(r => r.Rules[0], r => r.State);
        Assert.DoesNotContain("notVerified", states.Values);
        // 90 days is under the 180 the law asks for: a finding, not a pass.
        Assert.Equal("notMet", states["DSYN105"]);
        Assert.Equal("notMet", states["DSYN101"]);
    }

    /// <summary>A web service publishing generated text, with the given deepsynth.json.</summary>
    private static string ServiceWithManifest(TestSolution solution, string manifest)
    {
        solution.Write("Web/deepsynth.json", manifest);
        return solution.AddProject("Web", web: true, """<AdditionalFiles Include="deepsynth.json" />""", ("Program.cs", Program), ("Bot.cs", StorySources.AnnotatedBot));
    }

    private static List<(string[] Rules, string State, string Reason)> ProjectDutyRows(JsonDocument report) =>
        report.RootElement.GetProperty("duties")[0].GetProperty("rows").EnumerateArray()
            .Select(r => (
                r.GetProperty("rules").EnumerateArray().Select(x => x.GetString()!).ToArray(),
                r.GetProperty("state").GetString()!,
                r.TryGetProperty("reason", out var reason) && reason.ValueKind == JsonValueKind.String ? reason.GetString()! : string.Empty))
            .Where(r => r.Item1.Any(ProjectDutyRules.Contains))
            .ToList();
}
