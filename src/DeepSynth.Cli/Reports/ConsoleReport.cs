using System.Globalization;
using System.IO;
using System.Linq;
using DeepSynth.Cli.Findings;
using DeepSynth.Findings;
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
            output.WriteLine(ConsoleLanguage.Pick($"DeepSynth check of {result.TargetPath}", $"DeepSynth 合规检查：{result.TargetPath}"));
            output.WriteLine(ConsoleLanguage.Pick($"{result.Projects.Count} project(s) analysed: ", $"已分析 {result.Projects.Count} 个项目：") + string.Join(", ", result.Projects.Select(p => p.Name)));
            output.WriteLine();

            var tallies = RuleTally.Of(result);
            var basisWidth = System.Math.Max("Articles".Length, tallies.Max(t => t.Rule.Basis.Length));
            output.WriteLine(ConsoleLanguage.Pick($"{"Rule",-8} {"Articles".PadRight(basisWidth)} {"New",5} {"Baselined",9}  Title", $"{"规则",-6} {"依据".PadRight(basisWidth - 2)} {"新增",3} {"基线",7}  标题"));
            foreach (var tally in tallies)
            {
                output.WriteLine($"{tally.Rule.Id,-8} {tally.Rule.Basis.PadRight(basisWidth)} {tally.New,5} {tally.Baselined,9}  {tally.Rule.Title}");
            }

            output.WriteLine($"{"Total",-8} {string.Empty.PadRight(basisWidth)} {tallies.Sum(t => t.New),5} {tallies.Sum(t => t.Baselined),9}");

            WriteFindings(output, ConsoleLanguage.Pick("Findings", "问题列表"), result.New);
            WriteFindings(output, ConsoleLanguage.Pick("Baselined findings (accepted in the baseline; they do not fail the check)", "基线中的问题（已接受，不使检查失败）"), result.Baselined);
            WriteDuties(output, result);

            if (result.Problems.Count > 0)
            {
                output.WriteLine();
                output.WriteLine(ConsoleLanguage.Pick("Problems (the projects concerned were not analysed, or not completely)", "问题（相关项目未分析或未完整分析）"));
                foreach (var problem in result.Problems)
                {
                    var project = problem.ProjectPath == null ? string.Empty : " " + SourceSpot.Relative(problem.ProjectPath, result.RootDirectory);
                    output.WriteLine($"  {problem.Stage}{project}: {problem.Message}");
                }
            }

            output.WriteLine();
            output.WriteLine(ConsoleLanguage.Pick("Verdict: ", "结论：") + CheckVerdict.Localized(result));
            var incomplete = ConsoleLanguage.IsChinese ? CheckVerdict.IncompleteChinese(result) : CheckVerdict.IncompleteEnglish(result);
            if (incomplete != null)
            {
                output.WriteLine(incomplete);
            }

            var failing = failOn == null ? 0 : result.New.Count(f => f.Severity >= failOn.Value);
            var verdict = failOn == null
                ? "nothing fails the check (--fail-on never)"
                : $"{failing} new finding(s) at or above {SeverityNames.Of(failOn.Value)}";
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{verdict}. Loaded in {result.LoadTime.TotalSeconds:0.0} s, analysed in {result.AnalysisTime.TotalSeconds:0.0} s."));
        }

        /// <summary>Each project's duties that are not met (met ones are counted): the three states, never "met" for what was not checked.</summary>
        private static void WriteDuties(TextWriter output, CheckResult result)
        {
            foreach (var duties in result.Duties)
            {
                output.WriteLine();
                output.WriteLine(ConsoleLanguage.Pick(
                    $"Duties of {duties.Project.Name}: {duties.Count(DutyState.Met)} met, {duties.Count(DutyState.NotMet)} not met, {duties.Count(DutyState.Accepted)} accepted, {duties.NotVerified} not verified, {duties.Count(DutyState.NotApplicable)} not applicable",
                    $"{duties.Project.Name} 的义务：符合 {duties.Count(DutyState.Met)}，不符合 {duties.Count(DutyState.NotMet)}，已接受 {duties.Count(DutyState.Accepted)}，未验证 {duties.NotVerified}，不适用 {duties.Count(DutyState.NotApplicable)}"));
                var shown = duties.Rows.Where(r => r.State != DutyState.Met).ToList();
                var stateWidth = shown.Count == 0 ? 0 : shown.Max(r => StateWord(r.State).Length);
                foreach (var row in shown)
                {
                    var title = ConsoleLanguage.Pick(row.Duty.Title, row.Duty.TitleZh);
                    var state = StateWord(row.State).PadRight(stateWidth);
                    var reason = row.Reason == null ? string.Empty : " (" + row.Reason + ")";
                    output.WriteLine($"  {string.Join(", ", row.Duty.RuleIds),-17} {state}  {title}{reason}");
                }
            }
        }

        private static string StateWord(DutyState state)
        {
            var both = DutyJudgement.StateName(state);
            var slash = both.IndexOf(" / ", System.StringComparison.Ordinal);
            return ConsoleLanguage.IsChinese ? both.Substring(slash + 3) : both.Substring(0, slash);
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
