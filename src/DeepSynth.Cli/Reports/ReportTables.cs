using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using DeepSynth.Cli.Findings;
using DeepSynth.Findings;

namespace DeepSynth.Cli.Reports
{
    /// <summary>A table of a document report: a header, and rows of plain-text cells (the format escapes them).</summary>
    internal sealed class ReportTable
    {
        public ReportTable(string title, string[] header, IReadOnlyList<string[]> rows, IReadOnlyList<string>? notes = null)
        {
            Title = title;
            Header = header;
            Rows = rows;
            Notes = notes ?? new string[0];
        }

        /// <summary>Paragraphs shown before the table (a legend, the reasons a check is incomplete).</summary>
        public IReadOnlyList<string> Notes { get; }

        public string Title { get; }

        public string[] Header { get; }

        public IReadOnlyList<string[]> Rows { get; }
    }

    /// <summary>The tables the Markdown and HTML reports show, in order: per rule, new findings, baselined findings, problems.</summary>
    internal static class ReportTables
    {
        public const string Title = "DeepSynth compliance check / 深度合成合规检查报告";

        public static string Heading(CheckResult result) =>
            $"{result.TargetPath}: {result.Projects.Count} project(s) analysed / 已分析 {result.Projects.Count} 个项目 ({string.Join(", ", result.Projects.Select(p => p.Name))}), " +
            $"{result.New.Count()} new finding(s) / 新增问题 {result.New.Count()}, {result.Baselined.Count()} baselined / 基线 {result.Baselined.Count()}.";

        public static IEnumerable<ReportTable> Of(CheckResult result)
        {
            var incomplete = CheckVerdict.IncompleteEnglish(result);
            yield return new ReportTable(
                "Verdict / 结论",
                new[] { "Item / 项目", "Value / 值" },
                new[]
                {
                    new[] { "Verdict / 结论", CheckVerdict.Bilingual(result) },
                    new[] { "Findings / 问题", $"{Count(result.New.Count())} new, {Count(result.Baselined.Count())} baselined / 新增 {Count(result.New.Count())}，基线 {Count(result.Baselined.Count())}" },
                    new[] { "Analysis / 分析", incomplete == null ? "complete / 完整" : incomplete + " / " + CheckVerdict.IncompleteChinese(result) },
                    new[] { "Checked by / 检查工具", "DeepSynth " + ToolVersion.Semantic },
                });

            foreach (var duties in result.Duties)
            {
                yield return new ReportTable(
                    $"Duties of {duties.Project.Name} / {duties.Project.Name} 的义务",
                    new[] { "Basis / 依据", "Duty / 义务", "Rules / 规则", "Status / 状态", "Why / 原因", "New / 新增", "Baselined / 基线" },
                    duties.Rows.Select(r => new[] { r.Duty.Basis, r.Duty.Title + " / " + r.Duty.TitleZh, string.Join(", ", r.Duty.RuleIds), DutyJudgement.StateName(r.State), r.Reason ?? string.Empty, Count(r.New), Count(r.Baselined) }).ToList(),
                    DutyJudgement.Legend);
            }

            yield return new ReportTable(
                "Findings by rule / 按规则统计",
                new[] { "Rule / 规则", "Articles / 依据", "New / 新增", "Baselined / 基线", "Title / 标题", "Documentation / 文档" },
                // The published rule pages: a package user has no docs/ folder of this repository.
                RuleTally.Of(result).Select(t => new[] { t.Rule.Id, t.Rule.Basis, Count(t.New), Count(t.Baselined), t.Rule.Title, t.Rule.HelpUri }).ToList());

            var header = new[] { "Severity / 级别", "Rule / 规则", "Location / 位置", "Message / 说明", "Content from / 内容来源" };
            yield return new ReportTable("Findings / 问题列表", header, result.New.Select(FindingRow).ToList());
            if (result.Baselined.Any())
            {
                yield return new ReportTable("Baselined findings (accepted; they do not fail the check) / 基线中的问题（已接受，不使检查失败）", header, result.Baselined.Select(FindingRow).ToList());
            }

            if (result.Problems.Count > 0)
            {
                yield return new ReportTable(
                    "Problems (not analysed, or not completely) / 问题（未分析或未完整分析）",
                    new[] { "Stage / 阶段", "Project / 项目", "Message / 说明" },
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
