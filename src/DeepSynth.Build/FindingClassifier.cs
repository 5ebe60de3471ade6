using System;
using System.Collections.Generic;
using System.Linq;
using DeepSynth.Findings;

namespace DeepSynth.Build
{
    /// <summary>
    /// Gives each finding its fingerprint (the shared <see cref="FindingFingerprint"/>: rule, path relative to the project,
    /// text of the reported line, occurrence) and its status: suppressed with a justification, baselined, or open.
    /// A suppression without a justification does not count.
    /// </summary>
    internal static class FindingClassifier
    {
        public static IReadOnlyList<ComplianceFinding> Classify(IEnumerable<SarifFinding> findings, string projectDirectory, BaselineDocument? baseline, SourceLines lines)
        {
            var occurrences = new Dictionary<string, int>(StringComparer.Ordinal);
            var classified = new List<ComplianceFinding>();
            foreach (var finding in InStableOrder(findings, projectDirectory))
            {
                var relativePath = finding.File == null ? string.Empty : RelativePaths.From(projectDirectory, finding.File);
                var lineText = lines.LineText(finding.File, finding.Line);
                var key = finding.RuleId + "\n" + relativePath + "\n" + FindingFingerprint.NormalizeLine(lineText);
                occurrences.TryGetValue(key, out var occurrence);
                occurrences[key] = occurrence + 1;
                var fingerprint = FindingFingerprint.Compute(finding.RuleId, relativePath, lineText, occurrence);

                var justification = finding.Suppressed
                    ? NonEmpty(finding.Justification) ?? lines.PragmaComment(finding.File, finding.Line, finding.RuleId)
                    : null;
                var status = justification != null ? FindingStatus.Suppressed
                    : baseline != null && baseline.Contains(finding.RuleId, fingerprint) ? FindingStatus.Baselined
                    : FindingStatus.Open;
                classified.Add(new ComplianceFinding(finding, relativePath, fingerprint, status, justification, finding.Suppressed && justification == null));
            }

            return classified;
        }

        /// <summary>The baseline that accepts every finding not suppressed with a justification (-p:DeepSynthUpdateBaseline=true).</summary>
        public static BaselineDocument BaselineOf(IEnumerable<ComplianceFinding> findings) =>
            new BaselineDocument(findings
                .Where(f => f.Status != FindingStatus.Suppressed)
                .Select(f => new BaselineEntry(f.RuleId, f.Fingerprint, f.RelativePath, f.Finding.Line, f.Finding.Message)));

        /// <summary>Baseline entries that match no finding any more (fixed, or the code changed): the baseline can shrink.</summary>
        public static IReadOnlyList<BaselineEntry> StaleEntries(BaselineDocument? baseline, IEnumerable<ComplianceFinding> findings)
        {
            if (baseline == null)
            {
                return Array.Empty<BaselineEntry>();
            }

            var current = new HashSet<string>(findings.Select(f => f.RuleId + "|" + f.Fingerprint), StringComparer.Ordinal);
            return baseline.Entries.Where(e => !current.Contains(e.RuleId + "|" + e.Fingerprint)).ToList();
        }

        /// <summary>Occurrence numbers must not depend on the order the compiler wrote the log in.</summary>
        private static IEnumerable<SarifFinding> InStableOrder(IEnumerable<SarifFinding> findings, string projectDirectory) =>
            findings
                .OrderBy(f => f.File == null ? string.Empty : RelativePaths.From(projectDirectory, f.File), StringComparer.Ordinal)
                .ThenBy(f => f.Line)
                .ThenBy(f => f.Column)
                .ThenBy(f => f.RuleId, StringComparer.Ordinal)
                .ThenBy(f => f.Message, StringComparer.Ordinal);

        private static string? NonEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text!.Trim();
    }
}
