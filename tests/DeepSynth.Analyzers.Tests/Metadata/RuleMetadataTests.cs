using System.Globalization;
using System.Text.RegularExpressions;
using DeepSynth.Analyzers.Rules;
using DeepSynth.TestSupport;
using Microsoft.CodeAnalysis;

namespace DeepSynth.Analyzers.Tests.Metadata;

/// <summary>Rule metadata that must not drift from the code: help links, docs pages, translations, release tracking, README.</summary>
public class RuleMetadataTests
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-Hans");

    /// <summary>Every descriptor of every analyzer, once (DSYN902 is reported by both).</summary>
    internal static IEnumerable<DiagnosticDescriptor> Descriptors() =>
        new ContentFlowAnalyzer().SupportedDiagnostics.Concat(new ProjectDutiesAnalyzer().SupportedDiagnostics).Concat(new ComplianceRegistrationAnalyzer().SupportedDiagnostics)
            .Concat(new LabelTextAnalyzer().SupportedDiagnostics).Concat(new AigcMetadataAnalyzer().SupportedDiagnostics).GroupBy(d => d.Id).Select(g => g.First());

    public static TheoryData<string> RuleIds()
    {
        var data = new TheoryData<string>();
        foreach (var descriptor in Descriptors())
        {
            data.Add(descriptor.Id);
        }

        return data;
    }

    private static DiagnosticDescriptor Descriptor(string id) => Descriptors().Single(d => d.Id == id);

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Help_link_points_at_the_rule_page_which_exists_and_names_its_basis(string id)
    {
        var descriptor = Descriptor(id);
        Assert.Equal(RuleDescriptors.HelpLinkBase + id + ".md", descriptor.HelpLinkUri);
        var page = RepositoryPaths.Combine("docs", "rules", id + ".md");
        Assert.True(File.Exists(page), "missing " + page);
        var text = File.ReadAllText(page);
        Assert.StartsWith("# " + id + ": " + descriptor.Title.ToString(English), text);
        if (descriptor.Category == RuleDescriptors.ComplianceCategory)
        {
            Assert.Matches(new Regex(@"\*\*(DSP|LM|GAIM|GB 45438|Cybersecurity Law)[^*]*Art\.|GB 45438-2025 §"), text);
            Assert.Contains("## How to fix", text);
            Assert.Contains("## Suppression", text);
        }
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Title_message_and_description_exist_in_English_and_Simplified_Chinese(string id)
    {
        var descriptor = Descriptor(id);
        foreach (var text in new[] { descriptor.Title, descriptor.MessageFormat, descriptor.Description })
        {
            var english = text.ToString(English);
            var chinese = text.ToString(Chinese);
            Assert.False(string.IsNullOrWhiteSpace(english), id + " has an empty English text");
            Assert.NotEqual(english, chinese);
            Assert.Matches(new Regex(@"\p{IsCJKUnifiedIdeographs}"), chinese);
            Assert.Equal(Placeholders(english), Placeholders(chinese));
        }
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Rule_is_tracked_in_the_release_file_with_its_category_and_severity(string id)
    {
        var descriptor = Descriptor(id);
        var tracking = File.ReadAllLines(RepositoryPaths.Combine("src", "DeepSynth.Analyzers", "AnalyzerReleases.Unshipped.md"))
            .Concat(File.ReadAllLines(RepositoryPaths.Combine("src", "DeepSynth.Analyzers", "AnalyzerReleases.Shipped.md")));
        var row = tracking.Select(l => l.Split('|').Select(c => c.Trim()).ToArray()).FirstOrDefault(c => c.Length >= 3 && c[0] == id);
        Assert.NotNull(row);
        Assert.Equal(descriptor.Category, row[1]);
        Assert.Equal(descriptor.DefaultSeverity.ToString(), row[2]);
    }

    [Fact]
    public void Readme_rules_table_lists_every_rule_with_its_title()
    {
        var readme = File.ReadAllText(RepositoryPaths.Combine("README.md"));
        foreach (var descriptor in Descriptors().Where(d => d.Category == RuleDescriptors.ComplianceCategory))
        {
            Assert.Contains($"| [{descriptor.Id}](docs/rules/{descriptor.Id}.md) | {descriptor.Title.ToString(English)} |", readme);
        }
    }

    [Fact]
    public void Every_compliance_rule_belongs_to_a_duty_of_the_build_report_and_every_duty_names_real_rules()
    {
        var ids = Descriptors().Select(d => d.Id).ToHashSet();
        Assert.All(DeepSynth.Manifest.ComplianceDuties.All.SelectMany(d => d.RuleIds), id => Assert.Contains(id, ids));
        Assert.All(Descriptors().Where(d => d.Category == RuleDescriptors.ComplianceCategory),
            d => Assert.NotNull(DeepSynth.Manifest.ComplianceDuties.ForRule(d.Id)));
    }

    private static string Placeholders(string text) =>
        string.Join(",", Regex.Matches(text, @"\{\d+\}").Select(m => m.Value).OrderBy(v => v, StringComparer.Ordinal));
}

/// <summary>The analyzers report exactly the rule table's rows, and the release file tracks exactly those.</summary>
public class RuleTableTests
{
    [Fact]
    public void Supported_diagnostics_are_the_rule_table_rows_of_each_analyzer()
    {
        Assert.Equal(RuleTable.ReportedBy(RuleReporter.ContentFlowAnalyzer).Select(r => r.Id), new ContentFlowAnalyzer().SupportedDiagnostics.Select(d => d.Id));
        Assert.Equal(RuleTable.ReportedBy(RuleReporter.ProjectDutiesAnalyzer).Select(r => r.Id), new ProjectDutiesAnalyzer().SupportedDiagnostics.Select(d => d.Id));
        Assert.Equal(RuleTable.ReportedBy(RuleReporter.LabelTextAnalyzer).Select(r => r.Id), new LabelTextAnalyzer().SupportedDiagnostics.Select(d => d.Id));
        Assert.Equal(RuleTable.ReportedBy(RuleReporter.AigcMetadataAnalyzer).Select(r => r.Id), new AigcMetadataAnalyzer().SupportedDiagnostics.Select(d => d.Id));
    }

    [Fact]
    public void Release_file_tracks_every_analyzer_row_with_its_note_and_nothing_else()
    {
        var rows = File.ReadAllLines(RepositoryPaths.Combine("src", "DeepSynth.Analyzers", "AnalyzerReleases.Unshipped.md"))
            .Select(l => l.Split('|').Select(c => c.Trim()).ToArray())
            .Where(c => c.Length == 4 && c[0].StartsWith("DSYN", StringComparison.Ordinal))
            .ToDictionary(c => c[0], c => c[3]);
        var expected = RuleTable.All.Where(r => r.IsAnalyzerRule).ToDictionary(r => r.Id, r => r.Reporter + ": " + r.ReleaseNote);
        Assert.Equal(expected.OrderBy(e => e.Key, StringComparer.Ordinal), rows.OrderBy(e => e.Key, StringComparer.Ordinal));
    }

    [Fact]
    public void Every_flow_duty_names_a_rule_of_the_content_flow_analyzer_once()
    {
        // A rule checked at guarded calls has one row per kind of call (face edits, voice edits); every other rule one row.
        var ids = DutyTable.FlowDuties.Select(d => d.RuleId + "/" + d.Calls).ToList();
        Assert.Equal(ids.Distinct().Count(), ids.Count);
        Assert.All(DutyTable.FlowDuties.Where(d => d.Point != DutyPoint.Call).GroupBy(d => d.RuleId), g => Assert.Single(g));
        Assert.All(DutyTable.FlowDuties, d => Assert.Equal(RuleReporter.ContentFlowAnalyzer, RuleTable.Get(d.RuleId).Reporter));
    }
}
