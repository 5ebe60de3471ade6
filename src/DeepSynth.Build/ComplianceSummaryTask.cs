using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace DeepSynth.Build
{
    /// <summary>
    /// Runs after compilation: reads the compiler's SARIF log, writes a per-rule summary of the DeepSynth findings
    /// and prints one line in the build output. (The full per-article report and the CI policy build on this.)
    /// </summary>
    public sealed class ComplianceSummaryTask : Task
    {
        [Required]
        public string ProjectName { get; set; } = string.Empty;

        /// <summary>The compiler's ErrorLog value; may carry ",version=2.1".</summary>
        public string? ErrorLog { get; set; }

        [Required]
        public string OutputFile { get; set; } = string.Empty;

        [Output]
        public int FindingCount { get; set; }

        public override bool Execute()
        {
            if (string.IsNullOrWhiteSpace(ErrorLog))
            {
                Log.LogMessage(MessageImportance.Normal, "DeepSynth: no compiler error log configured for {0}; nothing to summarise.", ProjectName);
                return true;
            }

            var sarifPath = SarifLogReader.PathOf(ErrorLog!);
            if (!File.Exists(sarifPath))
            {
                Log.LogMessage(MessageImportance.Normal, "DeepSynth: {0} was not written (the compiler did not run); keeping the previous summary.", sarifPath);
                return true;
            }

            try
            {
                var findings = SarifLogReader.Read(sarifPath);
                var active = findings.Where(f => !f.Suppressed).ToList();
                FindingCount = active.Count;
                var byRule = active.GroupBy(f => f.RuleId).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();

                var text = new StringBuilder();
                text.AppendLine("DeepSynth compliance summary for " + ProjectName);
                text.AppendLine("findings: " + active.Count.ToString(CultureInfo.InvariantCulture) + ", suppressed: " + (findings.Count - active.Count).ToString(CultureInfo.InvariantCulture));
                foreach (var rule in byRule)
                {
                    text.AppendLine(rule.Key + ": " + rule.Count().ToString(CultureInfo.InvariantCulture));
                    foreach (var finding in rule.OrderBy(f => f.File, StringComparer.Ordinal).ThenBy(f => f.Line))
                    {
                        text.AppendLine("  " + (finding.File ?? "?") + "(" + finding.Line.ToString(CultureInfo.InvariantCulture) + "): " + finding.Message);
                    }
                }

                var directory = Path.GetDirectoryName(OutputFile);
                if (!string.IsNullOrEmpty(directory))
                {
                    Directory.CreateDirectory(directory);
                }

                File.WriteAllText(OutputFile, text.ToString(), new UTF8Encoding(false));
                var breakdown = byRule.Count == 0 ? "none" : string.Join(", ", byRule.Select(r => r.Key + " x" + r.Count().ToString(CultureInfo.InvariantCulture)));
                Log.LogMessage(MessageImportance.High, "DeepSynth: {0} compliance finding(s) in {1} ({2}); summary: {3}", active.Count, ProjectName, breakdown, OutputFile);
                return true;
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is System.Text.Json.JsonException)
            {
                Log.LogWarning(null, "DSYN950", null, sarifPath, 0, 0, 0, 0, "DeepSynth could not read the compiler log {0}: {1}", sarifPath, e.Message);
                return true;
            }
        }
    }
}
