using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using DeepSynth.Findings;

namespace DeepSynth.Build.Reports
{
    /// <summary>Builds the report's text (English with Chinese headings) from a <see cref="ComplianceReport"/>.</summary>
    internal static class ReportText
    {
        /// <summary>The published page on the manifest and the project duties (a package user has no docs/ folder).</summary>
        public const string ManifestDocs = "https://github.com/deepsynth/deepsynth-analyzers/blob/main/docs/manifest.md";

        /// <summary>Marks a status cell: "ok:", "bad:", "accepted:", "unverified:" or "neutral:" before the text.</summary>
        public const string StatePrefix = "state:";

        public static ReportDocument Build(ComplianceReport report)
        {
            var sections = new List<ReportSection>
            {
                VerdictSection(report),
                Declarations(report),
                Duties(report),
                OpenFindings(report),
                AcceptedFindings(report),
            };
            return new ReportDocument("DeepSynth compliance report: " + report.ProjectName, "深度合成合规检查报告", sections);
        }

        /// <summary>The headline in English and Chinese, the same words the build output uses.</summary>
        public static string VerdictText(ComplianceReport report) => report.Verdict switch
        {
            Verdict.Compliant => "Compliant / 合规: every applicable duty is met, no open or accepted findings",
            Verdict.PassesWithAcceptedFindings => "Passes the gate with " + Count(report.Accepted.Count(), "accepted finding") + ", not compliant / 通过门禁，但有 " + Number(report.Accepted.Count()) + " 项已接受的问题，并非合规",
            Verdict.NotVerified => "Not verified / 未验证: " + NotVerifiedText(report) + (report.Open.Any() ? "; " + Count(report.Open.Count(), "open finding") + " in what could be analysed" : string.Empty),
            _ => "Not compliant / 不合规: " + Count(report.Open.Count(), "open finding") + (report.NotVerifiedDuties.Any() ? "; " + NotVerifiedText(report) : string.Empty),
        };

        /// <summary>The verdict in the one-line build summary ("compliant", "passes the gate with 3 accepted finding(s)", ...).</summary>
        public static string VerdictWords(ComplianceReport report)
        {
            var words = report.Verdict switch
            {
                Verdict.Compliant => "compliant",
                Verdict.PassesWithAcceptedFindings => "passes the gate with " + Count(report.Accepted.Count(), "accepted finding") + ", not compliant",
                Verdict.NotVerified => "not verified: " + NotVerifiedText(report) + (report.Open.Any() ? "; " + Count(report.Open.Count(), "open finding") + " in what could be analysed" : string.Empty),
                _ => report.NotVerifiedDuties.Any() ? "not compliant; " + NotVerifiedText(report) : "not compliant",
            };
            return report.Limits.FilesWithCompileErrors > 0 ? words + "; " + Count(report.Limits.FilesWithCompileErrors, "file") + " could not be fully analysed (compile errors)" : words;
        }

        /// <summary>"7 duty(ies) could not be checked (deepsynth.json could not be read ...)".</summary>
        public static string NotVerifiedText(ComplianceReport report)
        {
            var duties = report.NotVerifiedDuties.ToList();
            var reasons = duties.Select(d => d.Reason).Where(r => r != null).Distinct().ToList();
            return Number(duties.Count) + " duty(ies) could not be checked / " + Number(duties.Count) + " 项义务未能检查" +
                (reasons.Count == 0 ? string.Empty : " (" + string.Join("; ", reasons) + ")");
        }

        public static string PolicyText(ComplianceReport report) =>
            "DeepSynthFailOn=" + report.Policy.Name() + (report.ContinuousIntegration ? " (CI build)" : " (local build)");

        public static string Count(int count, string noun) => Number(count) + " " + noun + "(s)";

        private static string Number(int count) => count.ToString(CultureInfo.InvariantCulture);

        /// <summary>The badge colour of a verdict: green only for compliant, amber for accepted gaps, a distinct grey for not verified.</summary>
        private static string KindOf(Verdict verdict) => verdict switch
        {
            Verdict.Compliant => "ok",
            Verdict.PassesWithAcceptedFindings => "accepted",
            Verdict.NotVerified => "unverified",
            _ => "bad",
        };

        private static ReportSection VerdictSection(ComplianceReport report)
        {
            var failing = report.Failing.Count;
            var gateFailsOnUnverified = report.Policy != FailurePolicy.None && report.NotVerifiedDuties.Any();
            var build = report.Policy == FailurePolicy.None ? "Reported only: the policy does not fail builds / 仅报告，不使构建失败"
                : failing > 0 ? "Fails the gate / 未通过: " + Count(failing, "open finding") + " at " + report.Policy.Name() + " level or above"
                : gateFailsOnUnverified ? "Fails the gate unless DeepSynthFailOnNotVerified=false / 未通过（除非设置 DeepSynthFailOnNotVerified=false）: " + NotVerifiedText(report)
                : report.Accepted.Any() ? "Passes the gate with " + Count(report.Accepted.Count(), "accepted finding") + " / 通过门禁（含已接受的问题）"
                : "Passes the gate / 通过";
            var buildKind = failing > 0 || gateFailsOnUnverified ? "bad" : report.Policy == FailurePolicy.None ? "neutral" : KindOf(report.Verdict);
            var rows = new List<IReadOnlyList<string>>
            {
                Row("Verdict / 结论", State(KindOf(report.Verdict), VerdictText(report))),
                Row("Build / 构建", State(buildKind, build)),
                Row("Findings / 问题", string.Format(CultureInfo.InvariantCulture, "{0} open, {1} baselined, {2} suppressed with a justification / 未处理 {0}，基线 {1}，有理由抑制 {2}", report.Open.Count(), Of(report, FindingStatus.Baselined), Of(report, FindingStatus.Suppressed))),
                Row("Duties / 义务", string.Format(CultureInfo.InvariantCulture, "{0} met, {1} not met, {2} accepted, {3} not verified, {4} not applicable / 符合 {0}，不符合 {1}，已接受 {2}，未验证 {3}，不适用 {4}", Duties(report, DutyState.Met), Duties(report, DutyState.NotMet), Duties(report, DutyState.Accepted), Duties(report, DutyState.NotVerified), Duties(report, DutyState.NotApplicable))),
                Row("Policy / 策略", PolicyText(report)),
                Row("Manifest / 合规清单", report.Manifest.RelativePath ?? "none (no deepsynth.json) / 无"),
                Row("Baseline / 基线", report.BaselinePath ?? "none / 无"),
                Row("Checked by / 检查工具", report.ToolVersion),
            };
            var notes = new List<string>();
            if (report.Limits.FilesWithCompileErrors > 0)
            {
                notes.Add("Incomplete analysis / 分析不完整: " + DutyJudgement.CompileErrors(report.Limits.FilesWithCompileErrors) + "; findings in code that does not compile may be missing.");
            }

            if (report.StaleBaselineEntries.Count > 0)
            {
                notes.Add(report.StaleBaselineEntries.Count.ToString(CultureInfo.InvariantCulture) + " baseline entries match no finding any more (fixed or changed); rebuild with -p:DeepSynthUpdateBaseline=true to drop them.");
            }

            return new ReportSection("Verdict / 结论", notes, new[] { "Item / 项目", "Value / 值" }, rows);
        }

        private static ReportSection Declarations(ComplianceReport report)
        {
            var manifest = report.Manifest;
            if (manifest.RelativePath == null)
            {
                return new ReportSection("Service declarations / 服务声明", new[] { "The project has no deepsynth.json: the project duties apply only if it is a service, and then cannot be met / 项目没有合规清单。See " + ManifestDocs + "." });
            }

            if (report.ManifestProblem != null)
            {
                return new ReportSection("Service declarations / 服务声明", new[] { manifest.RelativePath + " could not be read, so none of its declarations is shown and the project duties are not verified / 合规清单无法读取，项目义务未验证: " + report.ManifestProblem });
            }

            return new ReportSection("Service declarations / 服务声明", new[] { "As declared in " + manifest.RelativePath + "." }, new[] { "Declaration", "Value" },
                manifest.Declarations.Select(d => Row(d.Key, d.Value)).ToList());
        }

        private static ReportSection Duties(ComplianceReport report)
        {
            var rows = report.Duties.Select(d => Row(
                d.Basis,
                d.Title + " / " + d.TitleZh,
                string.Join(", ", d.RuleIds),
                StateOf(d.State),
                d.Reason ?? string.Empty,
                d.Count(FindingStatus.Open).ToString(CultureInfo.InvariantCulture),
                d.Count(FindingStatus.Baselined).ToString(CultureInfo.InvariantCulture),
                d.Count(FindingStatus.Suppressed).ToString(CultureInfo.InvariantCulture))).ToList();
            return new ReportSection("Duties by article / 按条款的义务",
                Legend,
                new[] { "Basis / 依据", "Duty / 义务", "Rules / 规则", "Status / 状态", "Why / 原因", "Open / 未处理", "Baselined / 基线", "Suppressed / 已抑制" }, rows);
        }

        private static ReportSection OpenFindings(ComplianceReport report)
        {
            var rows = Sorted(report.Open).Select(f => Row(
                f.RuleId + " " + report.Title(f.RuleId),
                f.Where,
                f.Finding.Level,
                f.Finding.Message + (f.UnjustifiedSuppression ? " [suppressed without a justification: counts as open]" : string.Empty))).ToList();
            var paragraphs = rows.Count == 0 ? new[] { "None." } : new string[0];
            return new ReportSection("Open findings / 未处理的问题", paragraphs, new[] { "Rule", "Location", "Severity", "Message" }, rows);
        }

        private static ReportSection AcceptedFindings(ComplianceReport report)
        {
            var rows = Sorted(report.Findings.Where(f => f.Status != FindingStatus.Open)).Select(f => Row(
                f.RuleId + " " + report.Title(f.RuleId),
                f.Where,
                f.Status == FindingStatus.Baselined ? "baselined" : "suppressed",
                f.Status == FindingStatus.Baselined ? "Accepted in " + (report.BaselinePath ?? "the baseline") : f.Justification ?? string.Empty,
                f.Finding.Message)).ToList();
            var paragraphs = rows.Count == 0 ? new[] { "None." } : new string[0];
            return new ReportSection("Suppressed and baselined findings / 已抑制和纳入基线的问题", paragraphs, new[] { "Rule", "Location", "Status", "Justification", "Message" }, rows);
        }

        private static IEnumerable<ComplianceFinding> Sorted(IEnumerable<ComplianceFinding> findings) =>
            findings.OrderBy(f => f.RuleId, StringComparer.Ordinal).ThenBy(f => f.RelativePath, StringComparer.Ordinal).ThenBy(f => f.Finding.Line).ThenBy(f => f.Finding.Column);

        /// <summary>The abbreviations and the states, under the duty table.</summary>
        public static IReadOnlyList<string> Legend => DutyJudgement.Legend;

        private static string StateOf(DutyState state) => State(StateKind(state), StateName(state));

        public static string StateName(DutyState state) => DutyJudgement.StateName(state);

        private static string StateKind(DutyState state) => state switch
        {
            DutyState.Met => "ok",
            DutyState.NotMet => "bad",
            DutyState.Accepted => "accepted",
            DutyState.NotApplicable => "neutral",
            _ => "unverified",
        };

        private static int Duties(ComplianceReport report, DutyState state) => report.Duties.Count(d => d.State == state);

        private static string State(string kind, string text) => StatePrefix + kind + ":" + text;

        private static int Of(ComplianceReport report, FindingStatus status) => report.Findings.Count(f => f.Status == status);

        private static IReadOnlyList<string> Row(params string[] cells) => cells;
    }
}
