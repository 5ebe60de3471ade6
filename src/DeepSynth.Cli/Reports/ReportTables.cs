using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using DeepSynth.Cli.Findings;

namespace DeepSynth.Cli.Reports
{
    /// <summary>A table of a document report: a header, and rows of plain-text cells (the format escapes them).</summary>
    internal sealed class ReportTable
    {
        public ReportTable(string title, string[] header, IReadOnlyList<string[]> rows)
        {
            Title = title;
            Header = header;
            Rows = rows;
        }

        public string Title { get; }

        public string[] Header { get; }

        public IReadOnlyList<string[]> Rows { get; }
    }

    /// <summary>The tables the Markdown and HTML reports show, in order: per rule, new findings, baselined findings, problems.</summary>
    internal static class ReportTables
    {
        public static string Heading(CheckResult result) =>
            $"{result.TargetPath}: {result.Projects.Count} project(s) analysed ({string.Join(", ", result.Projects.Select(p => p.Name))}), " +
            $"{result.New.Count()} new finding(s), {result.Baselined.Count()} baselined.";

        public static IEnumerable<ReportTable> Of(CheckResult result)
        {
            yield return new ReportTable(
                "Findings by rule",
                new[] { "Rule", "Articles", "New", "Baselined", "Title" },
                RuleTally.Of(result).Select(t => new[] { t.Rule.Id, t.Rule.Basis, Count(t.New), Count(t.Baselined), t.Rule.Title }).ToList());

            var header = new[] { "Severity", "Rule", "Location", "Message", "Content from" };
            yield return new ReportTable("Findings", header, result.New.Select(FindingRow).ToList());
            if (result.Baselined.Any())
            {
                yield return new ReportTable("Baselined findings (accepted; they do not fail the check)", header, result.Baselined.Select(FindingRow).ToList());
            }

            if (result.Problems.Count > 0)
            {
                yield return new ReportTable(
                    "Problems (not analysed, or not completely)",
                    new[] { "Stage", "Project", "Message" },
                    result.Problems.Select(p => new[] { p.Stage, p.ProjectPath == null ? string.Empty : SourceSpot.Relative(p.ProjectPath, result.RootDirectory), p.Message }).ToList());
            }
        }

        private static string[] FindingRow(Finding finding) => new[]
        {
            SeverityNames.Of(finding.Severity),
            finding.RuleId,
            finding.At == null ? finding.Project.File : $"{finding.At.RelativePath}:{finding.At.StartLine}",
            finding.Message,
            string.Join(", ", finding.Related.Where(r => r.Role == RelatedRole.Source).Select(r => r.Spot.Short + (r.InOtherProject ? " (other project)" : string.Empty))),
        };

        private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);
    }
}
