using System.Text.Json;
using DeepSynth.Build.Tests.Consumers;

namespace DeepSynth.Build.Tests;

/// <summary>
/// A report never certifies what it did not verify (issue 15), end to end on real builds of consumers of the packed
/// package: a broken manifest, a baseline, a console tool, the severity presets.
/// </summary>
public class VerdictTests
{
    private static readonly string[] ProjectDutyRules = { "DSYN101", "DSYN102", "DSYN103", "DSYN104", "DSYN105", "DSYN106", "DSYN107" };

    private const string ConsoleTool = """
        public static class Program
        {
            [DeepSynth.Compliance.GeneratedContentSource] public static string Generate(string prompt) => "a story about " + prompt;

            public static void Main(string[] args) => System.Console.WriteLine(Generate(args.Length > 0 ? args[0] : "cats"));
        }
        """;

    [Fact]
    public async Task Malformed_manifest_makes_every_project_duty_not_verified_and_fails_the_gate_even_when_baselined()
    {
        var solution = await ConsumerSolution.CreateAsync("broken-manifest");
        await solution.AddProjectAsync("Service", new Dictionary<string, string>
        {
            ["Bot.cs"] = ComplianceGateTests.NoncompliantCode,
            ["deepsynth.json"] = """{"providerCode":"ACME-1","logRetentionDays":90,}""",
        });
        const string project = "Service/Service.csproj";

        var local = await solution.BuildAsync(project, ci: false);
        local.EnsureSuccess("local build");
        Assert.Contains("warning DSYN901", local.Output);
        var report = await ReportAsync(solution, "Service");
        Assert.False(report.GetProperty("manifest").GetProperty("problem").ValueKind == JsonValueKind.Null, "manifest.problem is null");
        var projectDuties = Duties(report).Where(d => d.Rules.Any(ProjectDutyRules.Contains)).ToList();
        Assert.Equal(7, projectDuties.Count);
        Assert.All(projectDuties, d => Assert.Equal("notVerified", d.State));
        var markdown = await File.ReadAllTextAsync(solution.PathOf("Service", "obj", "Debug", "net10.0", "deepsynth-report.md"));
        var dutyRows = markdown.Split('\n').Where(l => l.StartsWith("| ", StringComparison.Ordinal) && ProjectDutyRules.Any(l.Contains)).ToList();
        Assert.Equal(7, dutyRows.Count);
        Assert.All(dutyRows, row => Assert.Contains("| Not verified / 未验证 |", row));
        Assert.DoesNotContain("90 days", markdown);

        // Accepting today's findings does not make the unreadable manifest readable: CI still fails, and says why.
        (await solution.BuildAsync(project, ci: false, "-p:DeepSynthUpdateBaseline=true")).EnsureSuccess("baseline update");
        var ci = await solution.BuildAsync(project, ci: true);
        Assert.NotEqual(0, ci.ExitCode);
        Assert.Contains("deepsynth.json could not be read / 合规清单无法读取: deepsynth.json:1: deepsynth.json is not valid JSON", ci.Output);
        Assert.Contains("DeepSynth compliance gate: compliance of Service could not be verified: 8 duty(ies) could not be checked", ci.Output);
        // The seven project duties, and the platform's upload inspection: whether the project is a platform is in the unreadable file.
        Assert.Equal("notVerified", Duties(report).Single(d => d.Rules.Contains("DSYN012")).State);
        Assert.DoesNotContain("Compliant / 合规", await File.ReadAllTextAsync(solution.PathOf("Service", "obj", "Debug", "net10.0", "deepsynth-report.html")));
        Assert.Equal("notVerified", (await ReportAsync(solution, "Service")).GetProperty("verdict").GetProperty("state").GetString());

        // The documented switch reports it without failing.
        var reportOnly = await solution.BuildAsync(project, ci: true, "-p:DeepSynthFailOnNotVerified=false");
        reportOnly.EnsureSuccess("CI build with DeepSynthFailOnNotVerified=false");
        Assert.Contains("in Service (none), 9 baselined, 1 suppressed with justification: not verified: 8 duty(ies) could not be checked", reportOnly.Output);
    }

    [Fact]
    public async Task Baselined_findings_pass_the_gate_with_their_own_verdict_never_compliant()
    {
        var solution = await ConsumerSolution.CreateAsync("baselined");
        // A web service without a manifest, labels or real-name checks: content-flow and project findings.
        await solution.AddProjectAsync("Web", new Dictionary<string, string> { ["Bot.cs"] = ComplianceGateTests.NoncompliantCode },
            sdk: "Microsoft.NET.Sdk.Web", properties: "<OutputType>Library</OutputType>");
        const string project = "Web/Web.csproj";

        (await solution.BuildAsync(project, ci: true, "-p:DeepSynthUpdateBaseline=true")).EnsureSuccess("baseline update");
        var ci = await solution.BuildAsync(project, ci: true);

        ci.EnsureSuccess("CI build with every finding baselined");
        Assert.Matches(@"DeepSynth: 0 compliance finding\(s\) in Web \(none\), 15 baselined, 1 suppressed with justification: passes the gate with 16 accepted finding\(s\), not compliant\.", ci.Output);
        var report = await ReportAsync(solution, "Web");
        Assert.False(report.GetProperty("verdict").GetProperty("compliant").GetBoolean());
        Assert.Equal("passesWithAcceptedFindings", report.GetProperty("verdict").GetProperty("state").GetString());
        Assert.Contains(Duties(report), d => d.Rules.Contains("DSYN101") && d.State == "accepted");
        var html = await File.ReadAllTextAsync(solution.PathOf("Web", "obj", "Debug", "net10.0", "deepsynth-report.html"));
        Assert.Contains("<span class=\"state accepted\">Passes the gate with 16 accepted finding(s), not compliant", html);
        Assert.DoesNotContain("Compliant / 合规", html);
    }

    [Fact]
    public async Task Console_tool_that_prints_model_output_has_no_project_duties_a_web_service_has_them()
    {
        var solution = await ConsumerSolution.CreateAsync("shapes");
        await solution.AddProjectAsync("Tool", new Dictionary<string, string> { ["Program.cs"] = ConsoleTool }, properties: "<OutputType>Exe</OutputType>");
        await solution.AddProjectAsync("Web", new Dictionary<string, string> { ["Program.cs"] = ConsoleTool.Replace("System.Console.WriteLine", "System.GC.KeepAlive") },
            sdk: "Microsoft.NET.Sdk.Web");

        var tool = await solution.BuildAsync("Tool/Tool.csproj", ci: false);
        var web = await solution.BuildAsync("Web/Web.csproj", ci: false);

        tool.EnsureSuccess("console tool");
        web.EnsureSuccess("web service");
        Assert.All(ProjectDutyRules, rule => Assert.DoesNotContain("warning " + rule, tool.Output));
        Assert.All(Duties(await ReportAsync(solution, "Tool")).Where(d => d.Rules.Any(ProjectDutyRules.Contains)), d => Assert.Equal("notApplicable", d.State));
        Assert.All(ProjectDutyRules, rule => Assert.Contains("warning " + rule, web.Output));
    }

    [Fact]
    public async Task Preset_takes_effect_on_an_incremental_build_and_none_is_not_verified()
    {
        var solution = await ConsumerSolution.CreateAsync("preset-incremental");
        await solution.AddProjectAsync("Consumer", new Dictionary<string, string> { ["Bot.cs"] = ComplianceGateTests.NoncompliantCode });
        const string project = "Consumer/Consumer.csproj";
        (await solution.BuildAsync(project, ci: false)).EnsureSuccess("first build");

        var strict = await solution.BuildAsync(project, ci: false, "-p:DeepSynthPreset=strict");
        var none = await solution.BuildAsync(project, ci: false, "-p:DeepSynthPreset=none");

        Assert.NotEqual(0, strict.ExitCode);
        Assert.Contains("Bot.cs(6,26): error DSYN001", strict.Output);
        none.EnsureSuccess("preset none");
        Assert.DoesNotContain("warning DSYN", none.Output);
        Assert.Contains("DeepSynth: 0 compliance finding(s) in Consumer (none), 0 baselined, 0 suppressed with justification: not verified: ", none.Output);
        Assert.Contains("DeepSynthPreset=none turns the rules off", none.Output);
    }

    private static async Task<JsonElement> ReportAsync(ConsumerSolution solution, string project) =>
        JsonDocument.Parse(await File.ReadAllTextAsync(solution.PathOf(project, "obj", "Debug", "net10.0", "deepsynth-report.json"))).RootElement.Clone();

    private static List<(string[] Rules, string State)> Duties(JsonElement report) =>
        report.GetProperty("duties").EnumerateArray()
            .Select(d => (d.GetProperty("rules").EnumerateArray().Select(r => r.GetString()!).ToArray(), d.GetProperty("state").GetString()!))
            .ToList();
}
