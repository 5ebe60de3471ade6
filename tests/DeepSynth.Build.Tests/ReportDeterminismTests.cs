using System.Collections;
using DeepSynth.TestSupport;
using Microsoft.Build.Framework;

namespace DeepSynth.Build.Tests;

/// <summary>
/// The report task gives the same bytes for the same findings, whatever order the compiler wrote them in (it writes them
/// as its analyzers finish, which varies from build to build): the reports, the summary, the gate line and the baseline.
/// The reports carry no time stamps, so nothing needs to be left out of the comparison.
/// </summary>
public sealed class ReportDeterminismTests : IDisposable
{
    private readonly string _project = Directory.CreateTempSubdirectory("deepsynth-determinism-").FullName;

    public ReportDeterminismTests()
    {
        File.WriteAllText(Path.Combine(_project, "Bot.cs"), ComplianceGateTests.NoncompliantCode);
        File.WriteAllText(Path.Combine(_project, "deepsynth.json"), ComplianceGateTests.NoncompliantManifest);
    }

    /// <summary>What the compiler logs for the non-compliant bot of <see cref="ComplianceGateTests"/>, one result per entry.</summary>
    private IReadOnlyList<string> Results() =>
    [
        Result("DSYN001", "Bot.cs", 6, 26, "Generated content from 'Bot.Generate' (Bot.cs:6) is published here without an explicit AI-generated label"),
        Result("DSYN003", "Bot.cs", 6, 26, "Generated content from 'Bot.Generate' (Bot.cs:6) is published here without review of that output"),
        Result("DSYN003", "Bot.cs", 6, 31, "Generated content from 'Bot.Generate' (Bot.cs:6) is published here without review of that output"),
        Result("DSYN005", "Bot.cs", 6, 26, "Generated content from 'Bot.Generate' (Bot.cs:6) is published here on a path where the generation was not recorded in the audit log"),
        Result("DSYN001", "Bot.cs", 9, 30, "Generated content from 'Bot.Generate' (Bot.cs:9) is published here without an explicit AI-generated label",
            """, "suppressions": [ { "kind": "inSource", "justification": "Staff preview, never shown to the public (SEC-142)", "properties": { "suppressionType": "SuppressMessageAttribute" } } ]"""),
        Result("DSYN003", "Bot.cs", 9, 30, "Generated content from 'Bot.Generate' (Bot.cs:9) is published here without review of that output"),
        Result("DSYN001", "Bot.cs", 14, 9, "Generated content from 'Bot.Generate' (Bot.cs:14) is published here without an explicit AI-generated label",
            """, "suppressions": [ { "kind": "inSource", "properties": { "suppressionType": "Pragma Directive" } } ]"""),
        Result("DSYN906", "deepsynth.json", 5, 23, "logRetentionDays is 90; the law requires at least 180"),
        Result("DSYN103", "deepsynth.json", 4, 30, "the user agreement 'legal/agreement.md' does not exist"),
        """{ "ruleId": "DSYN101", "level": "warning", "message": { "text": "no algorithm filing number" } }""",
        """{ "ruleId": "DSYN102", "level": "warning", "message": { "text": "no provider code" } }""",
    ];

    private static IReadOnlyList<string> Rules() =>
        new[] { "DSYN001", "DSYN003", "DSYN005", "DSYN101", "DSYN102", "DSYN103", "DSYN906" }
            .Select(id => $$"""{ "id": "{{id}}", "shortDescription": { "text": "Rule {{id}}" } }""")
            .ToList();

    [Fact]
    public void Same_log_twice_and_in_other_orders_gives_identical_reports()
    {
        var first = Run(Results(), Rules(), updateBaseline: false);

        SameFiles(first, Run(Results(), Rules(), updateBaseline: false));
        SameFiles(first, Run(Results().Reverse().ToList(), Rules().Reverse().ToList(), updateBaseline: false));
        SameFiles(first, Run(Determinism.Shuffled(Results(), seed: 7), Determinism.Shuffled(Rules(), seed: 7), updateBaseline: false));
    }

    [Fact]
    public void Baseline_written_from_logs_in_other_orders_is_identical_and_accepts_them_alike()
    {
        var first = Run(Results(), Rules(), updateBaseline: true);

        SameFiles(first, Run(Determinism.Shuffled(Results(), seed: 11), Rules(), updateBaseline: true));
        SameFiles(first, Run(Results().Reverse().ToList(), Rules(), updateBaseline: true));
        Assert.Contains("\"baselined\": 10", first[ComplianceReportTask.JsonFile]);
        Assert.Contains("\"open\": 0", first[ComplianceReportTask.JsonFile]);
    }

    private static void SameFiles(Dictionary<string, string> expected, Dictionary<string, string> actual)
    {
        Assert.Equal(expected.Keys.Order(), actual.Keys.Order());
        foreach (var (name, text) in expected)
        {
            var difference = Determinism.FirstDifference(text, actual[name]);
            Assert.True(difference == null, $"{name} differs at {difference}");
        }
    }

    /// <summary>Runs the task on a log of <paramref name="results"/> and returns every file it wrote, by name.</summary>
    private Dictionary<string, string> Run(IReadOnlyList<string> results, IReadOnlyList<string> rules, bool updateBaseline)
    {
        var reports = Path.Combine(_project, "obj");
        if (Directory.Exists(reports))
        {
            Directory.Delete(reports, recursive: true);
        }

        Directory.CreateDirectory(reports);
        var log = Path.Combine(reports, "compiler.sarif");
        File.WriteAllText(log, $$"""
            { "$schema": "http://json.schemastore.org/sarif-2.1.0", "version": "2.1.0",
              "runs": [ { "tool": { "driver": { "name": "Microsoft (R) Visual C# Compiler", "rules": [ {{string.Join(",\n", rules)}} ] } },
                          "results": [ {{string.Join(",\n", results)}} ] } ] }
            """);
        var baseline = Path.Combine(_project, "deepsynth.baseline.json");
        File.Delete(baseline);
        var task = new ComplianceReportTask
        {
            BuildEngine = new QuietBuildEngine(),
            ProjectName = "Noncompliant",
            ProjectDirectory = _project,
            ErrorLog = log + ",version=2.1",
            ManifestFile = Path.Combine(_project, "deepsynth.json"),
            BaselineFile = baseline,
            UpdateBaseline = updateBaseline,
            FailOn = "warning",
            ContinuousIntegration = true,
            ReportDirectory = reports,
            SummaryFile = Path.Combine(reports, "summary.txt"),
            GateFile = Path.Combine(reports, "gate.txt"),
        };

        Assert.True(task.Execute());
        return Directory.GetFiles(_project, "*", SearchOption.AllDirectories)
            .Where(f => f != log && Path.GetFileName(f) is not ("Bot.cs" or "deepsynth.json"))
            .ToDictionary(f => Path.GetFileName(f), File.ReadAllText);
    }

    private string Result(string rule, string file, int line, int column, string message, string suppression = "") =>
        $$"""
        { "ruleId": "{{rule}}", "level": "warning", "message": { "text": "{{message}}" },
          "locations": [ { "physicalLocation": { "artifactLocation": { "uri": "{{new Uri(Path.Combine(_project, file)).AbsoluteUri}}" },
                                                 "region": { "startLine": {{line}}, "startColumn": {{column}}, "endLine": {{line}}, "endColumn": {{column + 16}} } } } ]{{suppression}} }
        """;

    public void Dispose() => Directory.Delete(_project, recursive: true);

    /// <summary>An MSBuild engine that drops the task's log messages (the test reads the files the task writes).</summary>
    private sealed class QuietBuildEngine : IBuildEngine
    {
        public bool ContinueOnError => false;

        public int LineNumberOfTaskNode => 0;

        public int ColumnNumberOfTaskNode => 0;

        public string ProjectFileOfTaskNode => "Noncompliant.csproj";

        public bool BuildProjectFile(string projectFileName, string[] targetNames, IDictionary globalProperties, IDictionary targetOutputs) => false;

        public void LogCustomEvent(CustomBuildEventArgs e)
        {
        }

        public void LogErrorEvent(BuildErrorEventArgs e) => throw new InvalidOperationException("The task logged an error: " + e.Message);

        public void LogMessageEvent(BuildMessageEventArgs e)
        {
        }

        public void LogWarningEvent(BuildWarningEventArgs e)
        {
        }
    }
}
