using System.IO;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using DeepSynth.Findings;

namespace DeepSynth.Build.Reports
{
    /// <summary>deepsynth-report.json: the report as data, for dashboards and audits (schema version 2: verdict.state and duty reasons).</summary>
    internal static class JsonReport
    {
        public const int Version = 2;

        public static string Render(ComplianceReport report)
        {
            using var stream = new MemoryStream();
            // Chinese text and paths stay readable in the file.
            using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            {
                json.WriteStartObject();
                json.WriteNumber("version", Version);
                json.WriteString("project", report.ProjectName);
                json.WriteString("tool", report.ToolVersion);
                json.WriteStartObject("verdict");
                // compliant | passesWithAcceptedFindings | notVerified | notCompliant; "compliant" is true only for the first.
                json.WriteString("state", JsonNamingPolicy.CamelCase.ConvertName(report.Verdict.ToString()));
                json.WriteBoolean("compliant", report.IsCompliant);
                json.WriteBoolean("failsBuild", report.Failing.Count > 0);
                json.WriteString("policy", report.Policy.Name());
                json.WriteBoolean("continuousIntegration", report.ContinuousIntegration);
                json.WriteNumber("open", report.Open.Count());
                json.WriteNumber("baselined", report.Findings.Count(f => f.Status == FindingStatus.Baselined));
                json.WriteNumber("suppressed", report.Findings.Count(f => f.Status == FindingStatus.Suppressed));
                json.WriteNumber("failing", report.Failing.Count);
                json.WriteNumber("notVerifiedDuties", report.NotVerifiedDuties.Count());
                json.WriteNumber("filesWithCompileErrors", report.Limits.FilesWithCompileErrors);
                json.WriteBoolean("rulesOff", report.Limits.RulesOff);
                json.WriteEndObject();
                WriteManifest(json, report.Manifest, report.ManifestProblem);
                json.WriteString("baseline", report.BaselinePath);
                json.WriteNumber("staleBaselineEntries", report.StaleBaselineEntries.Count);
                json.WriteStartArray("duties");
                foreach (var duty in report.Duties)
                {
                    json.WriteStartObject();
                    json.WriteString("title", duty.Title);
                    json.WriteString("titleZh", duty.TitleZh);
                    json.WriteString("basis", duty.Basis);
                    json.WriteStartArray("rules");
                    duty.RuleIds.ToList().ForEach(json.WriteStringValue);
                    json.WriteEndArray();
                    json.WriteString("state", JsonNamingPolicy.CamelCase.ConvertName(duty.State.ToString()));
                    json.WriteString("reason", duty.Reason);
                    json.WriteNumber("open", duty.Count(FindingStatus.Open));
                    json.WriteNumber("baselined", duty.Count(FindingStatus.Baselined));
                    json.WriteNumber("suppressed", duty.Count(FindingStatus.Suppressed));
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteStartArray("findings");
                foreach (var finding in report.Findings)
                {
                    WriteFinding(json, report, finding);
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
        }

        private static void WriteManifest(Utf8JsonWriter json, ManifestSummary manifest, string? problem)
        {
            json.WriteStartObject("manifest");
            json.WriteString("path", manifest.RelativePath);
            json.WriteString("problem", problem);
            json.WriteStartArray("roles");
            manifest.Roles.ToList().ForEach(json.WriteStringValue);
            json.WriteEndArray();
            json.WriteBoolean("appliesInChina", manifest.AppliesInChina);
            json.WriteEndObject();
        }

        private static void WriteFinding(Utf8JsonWriter json, ComplianceReport report, ComplianceFinding finding)
        {
            json.WriteStartObject();
            json.WriteString("ruleId", finding.RuleId);
            json.WriteString("title", report.Title(finding.RuleId));
            json.WriteString("level", finding.Finding.Level);
            json.WriteString("message", finding.Finding.Message);
            json.WriteString("file", finding.RelativePath);
            json.WriteNumber("line", finding.Finding.Line);
            json.WriteNumber("column", finding.Finding.Column);
            json.WriteString("status", JsonNamingPolicy.CamelCase.ConvertName(finding.Status.ToString()));
            json.WriteString("justification", finding.Justification);
            json.WriteBoolean("unjustifiedSuppression", finding.UnjustifiedSuppression);
            json.WriteString("fingerprint", finding.Fingerprint);
            json.WriteEndObject();
        }
    }
}
