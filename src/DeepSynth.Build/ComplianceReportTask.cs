using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using DeepSynth.Build.Reports;
using DeepSynth.Findings;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace DeepSynth.Build
{
    /// <summary>
    /// Runs after compilation: reads the compiler's SARIF log and the manifest, applies the baseline and the suppression
    /// justifications, and writes the compliance report per article (deepsynth-report.md, .html, .json). It also writes
    /// the one-line summary and, when the policy fails the build, the one-line reason; the package's targets print them
    /// on every build, so a build that did no work still says how it stands.
    /// </summary>
    public sealed class ComplianceReportTask : Task
    {
        public const string MarkdownFile = "deepsynth-report.md";
        public const string HtmlFile = "deepsynth-report.html";
        public const string JsonFile = "deepsynth-report.json";
        private const int FailuresNamed = 5;

        [Required]
        public string ProjectName { get; set; } = string.Empty;

        /// <summary>The folder paths in reports and fingerprints are relative to.</summary>
        [Required]
        public string ProjectDirectory { get; set; } = string.Empty;

        /// <summary>The compiler's ErrorLog value; may carry ",version=2.1".</summary>
        public string? ErrorLog { get; set; }

        /// <summary>deepsynth.json, when the project has one.</summary>
        public string? ManifestFile { get; set; }

        [Required]
        public string BaselineFile { get; set; } = string.Empty;

        /// <summary>Rewrite the baseline with today's findings (-p:DeepSynthUpdateBaseline=true).</summary>
        public bool UpdateBaseline { get; set; }

        /// <summary>none, error or warning (the targets resolve the local and CI defaults).</summary>
        public string FailOn { get; set; } = "none";

        public bool ContinuousIntegration { get; set; }

        /// <summary>
        /// Whether duties that could not be checked fail the gate when the policy gates (DeepSynthFailOnNotVerified,
        /// default true): a build that cannot vouch for a duty must not pass as if it had.
        /// </summary>
        public bool FailOnNotVerified { get; set; } = true;

        /// <summary>The severity preset in effect (DeepSynthPreset): with "none" no rule runs, so no duty is verified.</summary>
        public string Preset { get; set; } = "default";

        [Required]
        public string ReportDirectory { get; set; } = string.Empty;

        /// <summary>Receives the summary line, printed by the targets on every build.</summary>
        [Required]
        public string SummaryFile { get; set; } = string.Empty;

        /// <summary>Receives the reason the build fails; deleted when it passes.</summary>
        [Required]
        public string GateFile { get; set; } = string.Empty;

        [Output]
        public int OpenFindingCount { get; set; }

        public override bool Execute()
        {
            if (!FailurePolicies.TryParse(FailOn, out var policy))
            {
                Log.LogError(null, "DSYN950", null, ProjectDirectory, 0, 0, 0, 0, "DeepSynthFailOn is '{0}'; use none, error or warning. DeepSynthFailOn 的值 '{0}' 无效，可用值：none、error、warning。", FailOn);
                return false;
            }

            var sarifPath = string.IsNullOrWhiteSpace(ErrorLog) ? null : SarifLogReader.PathOf(ErrorLog!);
            if (sarifPath == null || !File.Exists(sarifPath))
            {
                // The compiler did not run in this build (or nothing asked it for a log): keep the previous report.
                Log.LogMessage(MessageImportance.Normal, "DeepSynth: no compiler log at '{0}'; the compliance report was not updated.", sarifPath);
                return true;
            }

            SarifLog log;
            try
            {
                log = SarifLogReader.ReadLog(sarifPath);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is InvalidDataException || e is System.Text.Json.JsonException)
            {
                return Unverifiable(policy, sarifPath, "DeepSynth could not read the compiler log: " + e.Message);
            }

            var baseline = ReadBaseline(out var baselineProblem);
            if (baselineProblem != null)
            {
                return Unverifiable(policy, BaselineFile, baselineProblem);
            }

            var lines = new SourceLines();
            var findings = FindingClassifier.Classify(log.Findings, ProjectDirectory, baseline, lines);
            if (UpdateBaseline)
            {
                baseline = WriteBaseline(findings);
                findings = FindingClassifier.Classify(log.Findings, ProjectDirectory, baseline, lines);
            }

            var report = new ComplianceReport(
                ProjectName,
                ManifestSummary.Read(ManifestFile, ProjectDirectory),
                policy,
                ContinuousIntegration,
                findings,
                log.RuleTitles,
                baseline == null ? null : RelativePaths.From(ProjectDirectory, BaselineFile),
                FindingClassifier.StaleEntries(baseline, findings),
                new AnalysisLimits(string.Equals(Preset?.Trim(), "none", StringComparison.OrdinalIgnoreCase), log.FilesWithCompileErrors));
            OpenFindingCount = report.Open.Count();
            WriteReports(report);
            WriteGate(report);
            return true;
        }

        private BaselineDocument? ReadBaseline(out string? problem)
        {
            problem = null;
            if (UpdateBaseline || !File.Exists(BaselineFile))
            {
                return null;
            }

            try
            {
                return BaselineDocument.Read(BaselineFile);
            }
            catch (Exception e) when (e is InvalidDataException || e is IOException || e is UnauthorizedAccessException)
            {
                problem = e.Message + " Fix it or rewrite it with -p:DeepSynthUpdateBaseline=true.";
                return null;
            }
        }

        private BaselineDocument WriteBaseline(IReadOnlyList<ComplianceFinding> findings)
        {
            var baseline = FindingClassifier.BaselineOf(findings);
            // Write aside and move, so a parallel build of another target framework never reads half a file.
            var temporary = BaselineFile + "." + Guid.NewGuid().ToString("N") + ".tmp";
            baseline.Write(temporary);
            if (File.Exists(BaselineFile))
            {
                File.Delete(BaselineFile);
            }

            File.Move(temporary, BaselineFile);
            Log.LogMessage(MessageImportance.High, "DeepSynth: baseline updated with {0} finding(s): {1}", baseline.Entries.Count, BaselineFile);
            return baseline;
        }

        private void WriteReports(ComplianceReport report)
        {
            Directory.CreateDirectory(ReportDirectory);
            var document = ReportText.Build(report);
            Write(Path.Combine(ReportDirectory, MarkdownFile), MarkdownReport.Render(document));
            Write(Path.Combine(ReportDirectory, HtmlFile), HtmlReport.Render(document));
            // Written last: the targets' up-to-date check looks at this file.
            Write(Path.Combine(ReportDirectory, JsonFile), JsonReport.Render(report));
        }

        /// <summary>The summary line, and the one-line reason when the policy fails the build.</summary>
        private void WriteGate(ComplianceReport report)
        {
            var open = report.Open.ToList();
            var byRule = open.GroupBy(f => f.RuleId).OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => g.Key + " x" + g.Count().ToString(CultureInfo.InvariantCulture)).ToList();
            var htmlReport = Path.Combine(ReportDirectory, HtmlFile);
            var summary = string.Format(
                CultureInfo.InvariantCulture,
                "DeepSynth: {0} compliance finding(s) in {1} ({2}), {3} baselined, {4} suppressed with justification: {5}. Report: {6}",
                open.Count,
                ProjectName,
                byRule.Count == 0 ? "none" : string.Join(", ", byRule),
                report.Findings.Count(f => f.Status == FindingStatus.Baselined),
                report.Findings.Count(f => f.Status == FindingStatus.Suppressed),
                ReportText.VerdictWords(report),
                htmlReport);
            Write(SummaryFile, summary + "\n");

            var failing = report.Failing;
            if (failing.Count == 0)
            {
                var unverified = report.NotVerifiedDuties.ToList();
                if (unverified.Count > 0 && report.Policy != FailurePolicy.None && FailOnNotVerified)
                {
                    Write(GateFile, string.Format(
                        CultureInfo.InvariantCulture,
                        "DeepSynth compliance gate: compliance of {0} could not be verified: {1} ({2}; DeepSynthFailOnNotVerified=false reports it without failing). Report: {3}\n",
                        ProjectName,
                        ReportText.NotVerifiedText(report),
                        ReportText.PolicyText(report),
                        htmlReport));
                }
                else
                {
                    Delete(GateFile);
                }

                return;
            }

            var named = failing.Take(FailuresNamed).Select(f => f.RuleId + " at " + f.Where);
            var more = failing.Count > FailuresNamed ? " and " + (failing.Count - FailuresNamed).ToString(CultureInfo.InvariantCulture) + " more" : string.Empty;
            var reason = string.Format(
                CultureInfo.InvariantCulture,
                "DeepSynth compliance gate: {0} open finding(s) in {1} are not baselined or suppressed with a justification ({2}): {3}{4}. Report: {5}",
                failing.Count,
                ProjectName,
                ReportText.PolicyText(report),
                string.Join(", ", named),
                more,
                htmlReport);
            Write(GateFile, reason + "\n");
        }

        /// <summary>An input DeepSynth cannot read: warn where it is, and fail the gate when the policy gates (it cannot vouch for the build).</summary>
        private bool Unverifiable(FailurePolicy policy, string file, string problem)
        {
            // Messages of the build come in English and Simplified Chinese, as the analyzers' do (the problem text is the reader's own).
            Log.LogWarning(null, "DSYN950", null, file, 0, 0, 0, 0, problem + " 无法验证合规性：DeepSynth 无法读取此文件。");
            Write(SummaryFile, "DeepSynth: compliance of " + ProjectName + " could not be verified: " + problem + "\n");
            if (policy == FailurePolicy.None)
            {
                Delete(GateFile);
            }
            else
            {
                Write(GateFile, "DeepSynth compliance gate: compliance of " + ProjectName + " could not be verified (" + problem + ")\n");
            }

            return true;
        }

        private static void Write(string path, string text)
        {
            var directory = Path.GetDirectoryName(path);
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }

            File.WriteAllText(path, text, new UTF8Encoding(false));
        }

        private static void Delete(string path)
        {
            if (File.Exists(path))
            {
                File.Delete(path);
            }
        }
    }
}
