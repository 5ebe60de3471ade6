using System.Globalization;
using System.IO;
using System.Linq;
using DeepSynth.Cli.Findings;
using Microsoft.CodeAnalysis;

namespace DeepSynth.Cli.Reports
{
    /// <summary>
    /// The summary a person reads in a terminal or a build log: findings per rule with the articles behind them, every
    /// finding in compiler format (so editors and CI logs link to it) with where its content came from, then what could not
    /// be analysed.
    /// </summary>
    internal static class ConsoleReport
    {
        public static string Render(CheckResult result, DiagnosticSeverity? failOn)
        {
            using var output = new StringWriter(CultureInfo.InvariantCulture);
            Write(result, failOn, output);
            return output.ToString();
        }

        private static void Write(CheckResult result, DiagnosticSeverity? failOn, TextWriter output)
        {
            output.WriteLine($"DeepSynth check of {result.TargetPath}");
            output.WriteLine($"{result.Projects.Count} project(s) analysed: {string.Join(", ", result.Projects.Select(p => p.Name))}");
            output.WriteLine();

            var tallies = RuleTally.Of(result);
            var basisWidth = System.Math.Max("Articles".Length, tallies.Max(t => t.Rule.Basis.Length));
            output.WriteLine($"{"Rule",-8} {"Articles".PadRight(basisWidth)} {"New",5} {"Baselined",9}  Title");
            foreach (var tally in tallies)
            {
                output.WriteLine($"{tally.Rule.Id,-8} {tally.Rule.Basis.PadRight(basisWidth)} {tally.New,5} {tally.Baselined,9}  {tally.Rule.Title}");
            }

            output.WriteLine($"{"Total",-8} {string.Empty.PadRight(basisWidth)} {tallies.Sum(t => t.New),5} {tallies.Sum(t => t.Baselined),9}");

            WriteFindings(output, "Findings", result.New);
            WriteFindings(output, "Baselined findings (accepted in the baseline; they do not fail the check)", result.Baselined);

            if (result.Problems.Count > 0)
            {
                output.WriteLine();
                output.WriteLine("Problems (the projects concerned were not analysed, or not completely)");
                foreach (var problem in result.Problems)
                {
                    var project = problem.ProjectPath == null ? string.Empty : " " + SourceSpot.Relative(problem.ProjectPath, result.RootDirectory);
                    output.WriteLine($"  {problem.Stage}{project}: {problem.Message}");
                }
            }

            output.WriteLine();
            var failing = failOn == null ? 0 : result.New.Count(f => f.Severity >= failOn.Value);
            var verdict = failOn == null
                ? "nothing fails the check (--fail-on never)"
                : $"{failing} new finding(s) at or above {SeverityNames.Of(failOn.Value)}";
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{verdict}. Loaded in {result.LoadTime.TotalSeconds:0.0} s, analysed in {result.AnalysisTime.TotalSeconds:0.0} s."));
        }

        private static void WriteFindings(TextWriter output, string heading, System.Collections.Generic.IEnumerable<Finding> findings)
        {
            var list = findings.ToList();
            if (list.Count == 0)
            {
                return;
            }

            output.WriteLine();
            output.WriteLine(heading);
            foreach (var finding in list)
            {
                var at = finding.At == null ? finding.Project.File : $"{finding.At.RelativePath}({finding.At.StartLine},{finding.At.StartColumn})";
                output.WriteLine($"  {at}: {SeverityNames.Of(finding.Severity)} {finding.RuleId}: {finding.Message}");
                foreach (var related in finding.Related)
                {
                    var role = FlowSteps.ShortRole(finding, related);
                    var other = related.InOtherProject ? " (another project)" : string.Empty;
                    output.WriteLine($"      {role} {related.Spot.Short}{other}");
                }
            }
        }
    }
}
