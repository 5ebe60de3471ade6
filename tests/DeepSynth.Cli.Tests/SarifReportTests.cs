using System.Text.Json;
using DeepSynth.Cli.Reports;
using DeepSynth.Cli.Tests.Solutions;
using DeepSynth.Findings;
using Json.Schema;

namespace DeepSynth.Cli.Tests;

/// <summary>The SARIF of a real solution check: the shape code scanning requires, the cross-project flow, the fingerprints.</summary>
[Collection(StoriesCollection.Name)]
public sealed class SarifReportTests
{
    private static readonly Lazy<JsonSchema> CodeScanningSchema = new(() =>
        JsonSchema.FromFile(Path.Combine(AppContext.BaseDirectory, "Sarif", "code-scanning.schema.json")));

    private readonly StoriesSolution _stories;

    public SarifReportTests(StoriesSolution stories) => _stories = stories;

    [Fact]
    public void Validates_against_the_schema_of_what_code_scanning_reads()
    {
        var sarif = SarifReport.Render(_stories.Result);

        Assert.Empty(SchemaErrors(sarif));
    }

    [Fact]
    public void The_schema_rejects_a_log_code_scanning_would_reject()
    {
        var sarif = SarifReport.Render(_stories.Result);

        Assert.NotEmpty(SchemaErrors(sarif.Replace("\"startLine\"", "\"line\"")));
        Assert.NotEmpty(SchemaErrors(sarif.Replace("\"partialFingerprints\"", "\"fingerprints\"")));
        Assert.NotEmpty(SchemaErrors(sarif.Replace("\"level\": \"warning\"", "\"level\": \"warn\"")));
    }

    [Fact]
    public void A_cross_project_result_has_the_library_source_as_related_location_and_code_flow()
    {
        using var log = JsonDocument.Parse(SarifReport.Render(_stories.Result));
        var run = log.RootElement.GetProperty("runs")[0];
        var result = run.GetProperty("results").EnumerateArray()
            .Single(r => r.GetProperty("ruleId").GetString() == "DSYN001" && Uri(r.GetProperty("locations")[0]) == "Web/Program.cs");

        Assert.Equal("Generation/StoryWriter.cs", Uri(result.GetProperty("relatedLocations")[0]));
        var steps = result.GetProperty("codeFlows")[0].GetProperty("threadFlows")[0].GetProperty("locations").EnumerateArray()
            .Select(step => Uri(step.GetProperty("location"))).ToList();
        Assert.Equal(new[] { "Generation/StoryWriter.cs", "Web/Program.cs" }, steps);

        var finding = _stories.FindingsOf("Web", "DSYN001").Single();
        Assert.Equal(finding.Fingerprint, result.GetProperty("partialFingerprints").GetProperty(FindingFingerprint.SarifKey).GetString());
        Assert.True(result.GetProperty("properties").GetProperty("crossProject").GetBoolean());

        var rule = run.GetProperty("tool").GetProperty("driver").GetProperty("rules")[result.GetProperty("ruleIndex").GetInt32()];
        Assert.Equal("DSYN001", rule.GetProperty("id").GetString());
        Assert.EndsWith("docs/rules/DSYN001.md", rule.GetProperty("helpUri").GetString());
        Assert.Contains("DSP 17", rule.GetProperty("properties").GetProperty("basis").GetString());
    }

    [Fact]
    public void Paths_are_relative_to_the_source_root_and_problems_are_tool_notifications()
    {
        using var log = JsonDocument.Parse(SarifReport.Render(_stories.Result));
        var run = log.RootElement.GetProperty("runs")[0];

        Assert.Equal(new Uri(_stories.Files.Root + Path.DirectorySeparatorChar).AbsoluteUri, run.GetProperty("originalUriBaseIds").GetProperty(SarifReport.SourceRootId).GetProperty("uri").GetString());
        var notifications = run.GetProperty("invocations")[0].GetProperty("toolExecutionNotifications").EnumerateArray().Select(n => n.GetProperty("message").GetProperty("text").GetString()).ToList();
        Assert.Contains(notifications, n => n!.Contains("Broken.csproj"));
    }

    private static string? Uri(JsonElement location) =>
        location.GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString();

    private static IReadOnlyList<string> SchemaErrors(string sarif)
    {
        using var document = JsonDocument.Parse(sarif);
        var evaluation = CodeScanningSchema.Value.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (evaluation.IsValid)
        {
            return Array.Empty<string>();
        }

        var errors = new[] { evaluation }.Concat(evaluation.Details ?? new List<EvaluationResults>())
            .Where(d => d.Errors != null)
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))
            .ToList();
        return errors.Count > 0 ? errors : new[] { "invalid" };
    }
}
