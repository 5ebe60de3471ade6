using System.Text.Json;
using System.Text.RegularExpressions;
using ApprovalTests;
using ApprovalTests.Reporters;
using DeepSynth.Build.Tests.Consumers;
using Xunit.Abstractions;

namespace DeepSynth.Build.Tests;

/// <summary>
/// The build as a compliance gate, end to end: a solution of a compliant and a non-compliant project that install the
/// packed package, built with `dotnet build -m` locally and in CI mode, then baselined, then changed.
/// </summary>
[UseReporter(typeof(QuietReporter))]
public class ComplianceGateTests
{
    private const string CompliantCode = """
        using DeepSynth.Compliance;

        public class Bot
        {
            [GeneratedContentSource] public string Generate() => "text";
            [ContentPublisher] public void Post(string text) { }
            [AigcLabeler] public static string Label(string text) => "AI生成：" + text;
            [ContentReviewer] public static void Review(string text) { }
            [SynthesisAuditor] public static void Record(string text) { }

            public void Run()
            {
                var text = Generate();
                Review(text);
                Record(text);
                Post(Label(text));
            }
        }
        """;

    private const string CompliantManifest = """
        {
          "providerCode": "ACME-BOT-2025",
          "algorithmFiling": { "number": "Beijing-ACME-202501", "displayedAt": [ "site/about.html" ] },
          "complaints": { "portal": "https://help.acme.example/report", "feedbackDays": 7 },
          "userAgreement": { "file": "legal/agreement.md", "labelingSection": "Labels on AI-generated content" },
          "securityAssessments": [ { "scope": "publicOpinion", "date": "2025-06-30", "reference": "SA-2025-014" } ],
          "logRetentionDays": 180,
          "rumorRefutation": { "contact": "rumor-desk@acme.example" },
          "users": { "applicable": "Adults in mainland China", "minors": "notServed" }
        }
        """;

    private const string Agreement = "# Terms of service\n\n## Labels on AI-generated content\n\nAnswers carry the label \"AI生成\"; do not remove it.\n";

    // Line 6: three findings. Line 9: DSYN001 suppressed with a justification. Line 14: a pragma without a reason does not count.
    internal const string NoncompliantCode = """
        public class Bot
        {
            [DeepSynth.Compliance.GeneratedContentSource] public string Generate() => "text";
            [DeepSynth.Compliance.ContentPublisher] public void Post(string text) { }

            public void Run() => Post(Generate());

            [System.Diagnostics.CodeAnalysis.SuppressMessage("Compliance", "DSYN001", Justification = "Staff preview, never shown to the public (SEC-142)")]
            public void Preview() => Post(Generate());

            public void Draft()
            {
        #pragma warning disable DSYN001
                Post(Generate());
        #pragma warning restore DSYN001
            }
        }
        """;

    // Line 5: a retention the law does not allow (DSYN906, column 23). Line 4: the agreement file does not exist (DSYN103, column 30).
    internal const string NoncompliantManifest = """
        {
          "publicOpinionAttributes": false,
          "complaints": { "portal": "https://help.acme.example/report", "feedbackDays": 7 },
          "userAgreement": { "file": "legal/agreement.md", "labelingSection": "Labels on AI-generated content" },
          "logRetentionDays": 90,
          "rumorRefutation": { "contact": "rumor-desk@acme.example" },
          "users": { "applicable": "Adults in mainland China", "minors": "notServed" }
        }
        """;

    private readonly ITestOutputHelper _output;

    public ComplianceGateTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public async Task Gate_reports_locally_fails_in_CI_accepts_a_baseline_and_catches_new_findings()
    {
        var solution = await ConsumerSolution.CreateAsync("gate");
        await solution.AddProjectAsync("Compliant", new Dictionary<string, string>
        {
            ["Bot.cs"] = CompliantCode,
            ["deepsynth.json"] = CompliantManifest,
            ["legal/agreement.md"] = Agreement,
            ["site/about.html"] = "<footer>算法备案号 Beijing-ACME-202501</footer>\n",
        });
        await solution.AddProjectAsync("Noncompliant", new Dictionary<string, string>
        {
            ["Bot.cs"] = NoncompliantCode,
            ["deepsynth.json"] = NoncompliantManifest,
        });
        await solution.WriteAsync("Consumers.slnx", """<Solution><Project Path="Compliant/Compliant.csproj" /><Project Path="Noncompliant/Noncompliant.csproj" /></Solution>""");
        const string noncompliant = "Noncompliant/Noncompliant.csproj";

        // 1. Locally both projects build (the default only reports), in parallel, each with its own report.
        var local = await solution.BuildAsync("Consumers.slnx", ci: false, "-m");
        local.EnsureSuccess("local build");
        Assert.Contains("deepsynth.json(5,23): warning DSYN906", local.Output);
        Assert.Contains("deepsynth.json(4,30): warning DSYN103", local.Output);
        Assert.Contains("Bot.cs(6,26): warning DSYN001", local.Output);
        Assert.Contains("DeepSynth: 0 compliance finding(s) in Compliant (none), 0 baselined, 0 suppressed with justification: compliant.", local.Output);
        Assert.Contains("DeepSynth: 10 compliance finding(s) in Noncompliant (DSYN001 x2, DSYN003 x3, DSYN005 x3, DSYN103 x1, DSYN906 x1), 0 baselined, 1 suppressed with justification: not compliant.", local.Output);
        var compliantReport = JsonDocument.Parse(await File.ReadAllTextAsync(ReportOf(solution, "Compliant", "json"))).RootElement;
        Assert.True(compliantReport.GetProperty("verdict").GetProperty("compliant").GetBoolean());
        // Every duty the project bears is met; the platform's upload inspection is not its duty (a provider).
        Assert.All(compliantReport.GetProperty("duties").EnumerateArray(), d =>
            Assert.Equal(d.GetProperty("rules").EnumerateArray().Any(r => r.GetString() == "DSYN012") ? "notApplicable" : "met", d.GetProperty("state").GetString()));
        Assert.Contains("<!DOCTYPE html>", await File.ReadAllTextAsync(ReportOf(solution, "Noncompliant", "html")));
        var firstReport = await File.ReadAllTextAsync(ReportOf(solution, "Noncompliant", "md"));

        // 2. Nothing changed: no compilation and no report work, but the summary still shows.
        var reportTime = File.GetLastWriteTimeUtc(ReportOf(solution, "Noncompliant", "json"));
        var noOp = await Timed("no-op build", () => solution.BuildAsync("Consumers.slnx", ci: false, "-m"));
        noOp.EnsureSuccess("no-op build");
        Assert.Equal(reportTime, File.GetLastWriteTimeUtc(ReportOf(solution, "Noncompliant", "json")));
        Assert.Contains("DeepSynth: 10 compliance finding(s) in Noncompliant", noOp.Output);

        // 3. In CI the same findings fail the build, with one line that says why and where the report is.
        var ci = await Timed("CI build", () => solution.BuildAsync(noncompliant, ci: true));
        Assert.NotEqual(0, ci.ExitCode);
        var gate = Assert.Single(ci.Output.Split('\n').Where(l => l.Contains("error : DeepSynth compliance gate", StringComparison.Ordinal)).Distinct());
        Assert.Matches(@"10 open finding\(s\) in Noncompliant are not baselined or suppressed with a justification \(DeepSynthFailOn=warning \(CI build\)\): DSYN001 at Bot\.cs:6, DSYN003 at Bot\.cs:6, DSYN005 at Bot\.cs:6, DSYN003 at Bot\.cs:9, DSYN005 at Bot\.cs:9 and 5 more\. Report: .*deepsynth-report\.html", gate);

        // 4. The team adopts DeepSynth: today's findings go into the baseline, and CI passes with them visible in the report.
        var update = await solution.BuildAsync(noncompliant, ci: true, "-p:DeepSynthUpdateBaseline=true");
        update.EnsureSuccess("baseline update");
        Assert.True(File.Exists(solution.PathOf("Noncompliant", "deepsynth.baseline.json")));
        var baselined = await solution.BuildAsync(noncompliant, ci: true);
        baselined.EnsureSuccess("CI build with the baseline");
        // A baseline accepts known gaps, it does not close them: the verdict says so.
        Assert.Contains("DeepSynth: 0 compliance finding(s) in Noncompliant (none), 10 baselined, 1 suppressed with justification: passes the gate with 11 accepted finding(s), not compliant.", baselined.Output);

        // 5. Lines shift and a new publish point appears: only the new findings fail the build.
        var shifted = "// A comment block\n// that moves every line\n// down by three.\n" + NoncompliantCode.Replace("    public void Run()", "    public void Shout() => Post(Generate() + \"!\");\n\n    public void Run()");
        await solution.WriteAsync("Noncompliant/Bot.cs", shifted);
        var changed = await solution.BuildAsync(noncompliant, ci: true);
        Assert.NotEqual(0, changed.ExitCode);
        Assert.Contains("3 open finding(s) in Noncompliant are not baselined or suppressed with a justification (DeepSynthFailOn=warning (CI build)): DSYN001 at Bot.cs:9, DSYN003 at Bot.cs:9, DSYN005 at Bot.cs:9. Report:", changed.Output);
        Assert.Contains("DeepSynth: 3 compliance finding(s) in Noncompliant (DSYN001 x1, DSYN003 x1, DSYN005 x1), 10 baselined", changed.Output);

        // 6. A broken manifest is a located diagnostic, never a crash.
        await solution.WriteAsync("Noncompliant/deepsynth.json", "{\n  \"logRetentionDays\": 365\n  \"users\": {}\n}\n");
        var broken = await solution.BuildAsync(noncompliant, ci: false);
        broken.EnsureSuccess("build with a broken manifest");
        Assert.Contains("deepsynth.json(3,3): warning DSYN901: deepsynth.json is not valid JSON: expected ',' or '}'", broken.Output);
        Assert.DoesNotContain("AD0001", broken.Output);

        // The report a compliance officer reads, reviewed as a snapshot.
        Approvals.Verify(firstReport);
    }

    private static string ReportOf(ConsumerSolution solution, string project, string extension) =>
        solution.PathOf(project, "obj", "Debug", "net10.0", "deepsynth-report." + extension);

    private async Task<T> Timed<T>(string what, Func<Task<T>> run)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var result = await run();
        _output.WriteLine($"{what}: {watch.Elapsed.TotalSeconds:0.0} s");
        return result;
    }
}
