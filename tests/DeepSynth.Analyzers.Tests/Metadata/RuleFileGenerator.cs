using System.Globalization;
using System.Text;
using DeepSynth.Analyzers.Rules;
using DeepSynth.Manifest;
using DeepSynth.TestSupport;

namespace DeepSynth.Analyzers.Tests.Metadata;

/// <summary>
/// Writes the parts of files that derive from the rule table (<see cref="RuleTable"/>): the severity presets, the README
/// rules table, the duties table and the fix order CI applies fixes in. <see cref="GeneratedFilesTests"/> fails when one is
/// stale; run <c>DEEPSYNTH_REGENERATE=1 dotnet test tests/DeepSynth.Analyzers.Tests --filter GeneratedFilesTests</c> to
/// rewrite them. Only the marked region of a hand-written file is generated.
/// </summary>
internal static class RuleFileGenerator
{
    public const string RegenerateVariable = "DEEPSYNTH_REGENERATE";

    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-Hans");

    /// <summary>A generated region: the file, the markers around it (null for a wholly generated file) and its content.</summary>
    internal sealed record GeneratedRegion(string RelativePath, string? Begin, string? End, Func<string> Render)
    {
        public string FullPath => RepositoryPaths.Combine(RelativePath.Split('/'));
    }

    public static IReadOnlyList<GeneratedRegion> Regions { get; } = new[]
    {
        Preset("none"),
        Preset("default"),
        Preset("strict"),
        new GeneratedRegion("README.md", "<!-- rules table: generated from src/DeepSynth.Analyzers/Rules/RuleTable.cs -->", "<!-- end of rules table -->", ReadmeRulesTable),
        new GeneratedRegion("docs/duties.md", "<!-- duties table: generated from the rule table and ComplianceDuties -->", "<!-- end of duties table -->", DutiesTable),
        new GeneratedRegion(".ci/fix-order", null, null, () => string.Join(" ", RuleTable.FixOrder) + "\n"),
    };

    /// <summary>The file as it should be: the current text with its region replaced.</summary>
    public static string Expected(GeneratedRegion region)
    {
        if (region.Begin == null)
        {
            return region.Render();
        }

        var text = File.ReadAllText(region.FullPath);
        var begin = text.IndexOf(region.Begin, StringComparison.Ordinal);
        var end = text.IndexOf(region.End!, StringComparison.Ordinal);
        if (begin < 0 || end < begin)
        {
            throw new InvalidOperationException(region.RelativePath + " lacks the markers " + region.Begin + " ... " + region.End);
        }

        var start = begin + region.Begin.Length;
        return text[..start] + "\n" + region.Render() + text[end..];
    }

    private static GeneratedRegion Preset(string preset) =>
        new($"src/DeepSynth.Package/buildTransitive/presets/deepsynth.{preset}.globalconfig", "# BEGIN generated from the rule table", "# END generated from the rule table",
            () => string.Concat(RuleTable.All.Where(r => r.IsAnalyzerRule).Select(r => $"dotnet_diagnostic.{r.Id}.severity = {PresetSeverity(preset, r.Severity)}\n")));

    /// <summary>none: everything off; strict: everything an error; default: what the rule ships with.</summary>
    private static string PresetSeverity(string preset, RuleSeverity severity) => preset switch
    {
        "none" => "none",
        "strict" => "error",
        _ => severity switch
        {
            RuleSeverity.Error => "error",
            RuleSeverity.Warning => "warning",
            _ => "suggestion",
        },
    };

    private static string ReadmeRulesTable()
    {
        var text = new StringBuilder("| Rule | Title | 标题 | Basis |\n|---|---|---|---|\n");
        foreach (var row in RuleTable.All.Where(r => r.IsAnalyzerRule && r.Category == RuleTable.Compliance))
        {
            var descriptor = RuleDescriptors.For(row.Id);
            text.Append(CultureInfo.InvariantCulture, $"| [{row.Id}](docs/rules/{row.Id}.md) | {descriptor.Title.ToString(English)} | {descriptor.Title.ToString(Chinese)} | {ComplianceDuties.ForRule(row.Id)?.Basis} |\n");
        }

        return text.ToString();
    }

    private static string DutiesTable()
    {
        var text = new StringBuilder("| Duty | 义务 | Basis | Checked | Rules | Who bears it |\n|---|---|---|---|---|---|\n");
        foreach (var duty in ComplianceDuties.All)
        {
            var checkedWhere = duty.Scope == DutyScope.ContentFlow ? "along the flow (analyzer)" : "per project (manifest, build)";
            var rules = string.Join(", ", duty.RuleIds.Select(id => $"[{id}](rules/{id}.md)"));
            text.Append(CultureInfo.InvariantCulture, $"| {duty.Title} | {duty.TitleZh} | {duty.Basis} | {checkedWhere} | {rules} | {string.Join(", ", duty.Roles)} |\n");
        }

        return text.ToString();
    }
}
