using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace DeepSynth.Build.Reports
{
    /// <summary>Builds the report's text (English with Chinese headings) from a <see cref="ComplianceReport"/>.</summary>
    internal static class ReportText
    {
        /// <summary>Marks a status cell: "ok:", "bad:", "accepted:" or "neutral:" before the text.</summary>
        public const string StatePrefix = "state:";

        public static ReportDocument Build(ComplianceReport report)
        {
            var sections = new List<ReportSection>
            {
                Verdict(report),
                Declarations(report),
                Duties(report),
                OpenFindings(report),
                AcceptedFindings(report),
            };
            return new ReportDocument("DeepSynth compliance report: " + report.ProjectName, "深度合成合规检查报告", sections);
        }

        /// <summary>"Compliant" or "Not compliant: 3 open finding(s)", the same words the build output uses.</summary>
        public static string VerdictText(ComplianceReport report)
        {
            var open = report.Open.Count();
            return open == 0 ? "Compliant / 合规: no open findings" : "Not compliant / 不合规: " + Count(open, "open finding");
        }

        public static string PolicyText(ComplianceReport report) =>
            "DeepSynthFailOn=" + report.Policy.Name() + (report.ContinuousIntegration ? " (CI build)" : " (local build)");

        public static string Count(int count, string noun) => count.ToString(CultureInfo.InvariantCulture) + " " + noun + "(s)";

        private static ReportSection Verdict(ComplianceReport report)
        {
            var failing = report.Failing.Count;
            var build = report.Policy == FailurePolicy.None ? "Reported only: the policy does not fail builds"
                : failing == 0 ? "Passes the gate / 通过"
                : "Fails the gate / 未通过: " + Count(failing, "open finding") + " at " + report.Policy.Name() + " level or above";
            var rows = new List<IReadOnlyList<string>>
            {
                Row("Verdict / 结论", State(report.IsCompliant ? "ok" : "bad", VerdictText(report))),
                Row("Build / 构建", State(failing > 0 ? "bad" : report.IsCompliant ? "ok" : "neutral", build)),
                Row("Findings / 问题", string.Format(CultureInfo.InvariantCulture, "{0} open, {1} baselined, {2} suppressed with a justification", report.Open.Count(), Of(report, FindingStatus.Baselined), Of(report, FindingStatus.Suppressed))),
                Row("Policy / 策略", PolicyText(report)),
                Row("Manifest / 合规清单", report.Manifest.RelativePath ?? "none (no deepsynth.json)"),
                Row("Baseline / 基线", report.BaselinePath ?? "none"),
                Row("Checked by / 检查工具", report.ToolVersion),
            };
            var notes = new List<string>();
            if (report.StaleBaselineEntries.Count > 0)
            {
                notes.Add(report.StaleBaselineEntries.Count.ToString(CultureInfo.InvariantCulture) + " baseline entries match no finding any more (fixed or changed); rebuild with -p:DeepSynthUpdateBaseline=true to drop them.");
            }

            return new ReportSection("Verdict / 结论", notes, new[] { "Item", "Value" }, rows);
        }

        private static ReportSection Declarations(ComplianceReport report)
        {
            var manifest = report.Manifest;
            if (manifest.RelativePath == null)
            {
                return new ReportSection("Service declarations / 服务声明", new[] { "The project has no deepsynth.json, so the project-level duties cannot be shown as met. See docs/manifest.md." });
            }

            if (manifest.Problem != null)
            {
                return new ReportSection("Service declarations / 服务声明", new[] { manifest.RelativePath + " could not be read: " + manifest.Problem + " (see the DSYN901 diagnostic for the line and column)." });
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
                d.Count(FindingStatus.Open).ToString(CultureInfo.InvariantCulture),
                d.Count(FindingStatus.Baselined).ToString(CultureInfo.InvariantCulture),
                d.Count(FindingStatus.Suppressed).ToString(CultureInfo.InvariantCulture))).ToList();
            return new ReportSection("Duties by article / 按条款的义务",
                new[] { "Basis: DSP = Deep Synthesis Provisions, LM = Labeling Measures, GAIM = Interim Measures for Generative AI, CSL = Cybersecurity Law, ARP = Algorithm Recommendation Provisions." },
                new[] { "Basis", "Duty / 义务", "Rules", "Status", "Open", "Baselined", "Suppressed" }, rows);
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

        private static string StateOf(DutyState state) => state switch
        {
            DutyState.Met => State("ok", "Met / 符合"),
            DutyState.NotMet => State("bad", "Not met / 不符合"),
            DutyState.Accepted => State("accepted", "Accepted / 已接受"),
            DutyState.NotApplicable => State("neutral", "Not applicable / 不适用"),
            _ => State("neutral", "Not checked / 未检查"),
        };

        private static string State(string kind, string text) => StatePrefix + kind + ":" + text;

        private static int Of(ComplianceReport report, FindingStatus status) => report.Findings.Count(f => f.Status == status);

        private static IReadOnlyList<string> Row(params string[] cells) => cells;
    }
}
