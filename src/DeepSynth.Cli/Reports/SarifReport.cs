using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using DeepSynth.Cli.Analysis;
using DeepSynth.Cli.Findings;
using DeepSynth.Findings;

namespace DeepSynth.Cli.Reports
{
    /// <summary>
    /// SARIF 2.1.0 as GitHub code scanning takes it: rules with help links and articles, one result per finding at the
    /// publish point, the sources as related locations and as code flows (source, publish point inside a call, publish
    /// point), and the shared fingerprint in partialFingerprints, so an alert survives line shifts and matches the baseline.
    /// Paths are relative to the repository (%SRCROOT%), as code scanning resolves them.
    /// </summary>
    internal static class SarifReport
    {
        public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";
        public const string SourceRootId = "%SRCROOT%";

        public static string Render(CheckResult result)
        {
            var sources = new SourcePaths(SourcePaths.RepositoryRoot(result.RootDirectory));
            var rules = DeepSynthAnalyzers.Descriptors.Select(d => RuleCatalog.For(d.Id)).ToList();
            using var stream = new MemoryStream();
            using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
            {
                json.WriteStartObject();
                json.WriteString("$schema", SchemaUri);
                json.WriteString("version", "2.1.0");
                json.WriteStartArray("runs");
                json.WriteStartObject();
                WriteTool(json, rules);
                json.WriteStartObject("originalUriBaseIds");
                json.WriteStartObject(SourceRootId);
                json.WriteString("uri", sources.RootUri);
                json.WriteEndObject();
                json.WriteEndObject();
                WriteInvocation(json, result);
                WriteVerdict(json, result);
                json.WriteStartArray("results");
                foreach (var finding in result.Findings)
                {
                    WriteResult(json, finding, rules.FindIndex(r => r.Id == finding.RuleId), sources);
                }

                json.WriteEndArray();
                json.WriteString("columnKind", "utf16CodeUnits");
                json.WriteEndObject();
                json.WriteEndArray();
                json.WriteEndObject();
            }

            return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
        }

        private static void WriteTool(Utf8JsonWriter json, IReadOnlyList<RuleInfo> rules)
        {
            json.WriteStartObject("tool");
            json.WriteStartObject("driver");
            json.WriteString("name", "DeepSynth");
            json.WriteString("semanticVersion", ToolVersion.Semantic);
            json.WriteString("informationUri", ToolVersion.InformationUri);
            json.WriteStartArray("rules");
            foreach (var rule in rules)
            {
                json.WriteStartObject();
                json.WriteString("id", rule.Id);
                WriteMessage(json, "shortDescription", rule.Title);
                WriteMessage(json, "fullDescription", rule.Description.Length > 0 ? rule.Description : rule.Title);
                json.WriteString("helpUri", rule.HelpUri);
                json.WriteStartObject("help");
                var basis = rule.Basis.Length > 0 ? $" Basis: {rule.Basis}." : string.Empty;
                json.WriteString("text", $"{rule.Description}{basis} See {rule.HelpUri}");
                json.WriteString("markdown", $"{rule.Description}{(basis.Length > 0 ? $"\n\n**Basis:** {rule.Basis}" : string.Empty)}\n\n[{rule.Id}]({rule.HelpUri})");
                json.WriteEndObject();
                json.WriteStartObject("defaultConfiguration");
                json.WriteString("level", SeverityNames.Of(rule.DefaultSeverity));
                json.WriteEndObject();
                json.WriteStartObject("properties");
                json.WriteString("category", rule.Category);
                if (rule.Basis.Length > 0)
                {
                    json.WriteString("basis", rule.Basis);
                }

                json.WriteStartArray("tags");
                foreach (var tag in new[] { "compliance", rule.Category.ToLowerInvariant() }.Distinct())
                {
                    json.WriteStringValue(tag);
                }

                json.WriteEndArray();
                json.WriteEndObject();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();
        }

        /// <summary>Projects that could not be loaded or analysed completely, as tool notifications.</summary>
        private static void WriteInvocation(Utf8JsonWriter json, CheckResult result)
        {
            json.WriteStartArray("invocations");
            json.WriteStartObject();
            json.WriteBoolean("executionSuccessful", true);
            json.WriteStartArray("toolExecutionNotifications");
            foreach (var problem in result.Problems)
            {
                json.WriteStartObject();
                json.WriteString("level", "warning");
                WriteMessage(json, "message", problem.ToString());
                json.WriteEndObject();
            }

            // A duty that could not be checked is said here too: code scanning must not read its silence as a pass.
            foreach (var duties in result.Duties)
            {
                foreach (var row in duties.Rows.Where(r => r.State == DutyState.NotVerified))
                {
                    json.WriteStartObject();
                    json.WriteString("level", "warning");
                    WriteMessage(json, "message", $"{duties.Project.Name}: {row.Duty.Title} ({string.Join(", ", row.Duty.RuleIds)}) not verified / 未验证: {row.Reason}");
                    json.WriteEndObject();
                }
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();
        }

        /// <summary>The verdict in the run's property bag (compliant, passesWithAcceptedFindings, notVerified, notCompliant).</summary>
        private static void WriteVerdict(Utf8JsonWriter json, CheckResult result)
        {
            json.WriteStartObject("properties");
            json.WriteString("verdict", JsonNamingPolicy.CamelCase.ConvertName(result.Verdict.ToString()));
            json.WriteString("verdictText", CheckVerdict.Bilingual(result));
            json.WriteNumber("notVerifiedDuties", result.Duties.Sum(d => d.NotVerified));
            json.WriteEndObject();
        }

        private static void WriteResult(Utf8JsonWriter json, Finding finding, int ruleIndex, SourcePaths sources)
        {
            json.WriteStartObject();
            json.WriteString("ruleId", finding.RuleId);
            json.WriteNumber("ruleIndex", ruleIndex);
            json.WriteString("level", SeverityNames.Of(finding.Severity));
            WriteMessage(json, "message", finding.Message);

            json.WriteStartArray("locations");
            json.WriteStartObject();
            if (finding.At != null)
            {
                WritePhysical(json, finding.At, sources);
            }
            else
            {
                // A project-wide finding (an invalid option): code scanning needs a location, so the project file.
                WritePhysical(json, new SourceSpot(finding.Project.FullPath, finding.Project.File, 1, 1, 1, 1, string.Empty), sources);
            }

            json.WriteEndObject();
            json.WriteEndArray();

            if (!finding.Related.IsEmpty)
            {
                json.WriteStartArray("relatedLocations");
                for (var i = 0; i < finding.Related.Length; i++)
                {
                    json.WriteStartObject();
                    json.WriteNumber("id", i + 1);
                    WritePhysical(json, finding.Related[i].Spot, sources);
                    WriteMessage(json, "message", FlowSteps.Describe(finding, finding.Related[i]));
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                WriteCodeFlows(json, finding, sources);
            }

            json.WriteStartObject("partialFingerprints");
            json.WriteString(FindingFingerprint.SarifKey, finding.Fingerprint);
            json.WriteEndObject();
            json.WriteString("baselineState", finding.Baselined ? "unchanged" : "new");
            if (finding.Baselined)
            {
                json.WriteStartArray("suppressions");
                json.WriteStartObject();
                json.WriteString("kind", "external");
                json.WriteString("status", "accepted");
                json.WriteString("justification", $"Accepted in {BaselineDocument.FileName}.");
                json.WriteEndObject();
                json.WriteEndArray();
            }

            json.WriteStartObject("properties");
            json.WriteString("project", finding.Project.Name);
            json.WriteBoolean("crossProject", finding.IsCrossProject);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        /// <summary>One code flow per source: where the content comes from, the publish point inside a call (if any), the finding.</summary>
        private static void WriteCodeFlows(Utf8JsonWriter json, Finding finding, SourcePaths sources)
        {
            var sourcesOfContent = finding.Related.Where(r => r.Role == RelatedRole.Source).ToList();
            if (sourcesOfContent.Count == 0 || finding.At == null)
            {
                return;
            }

            json.WriteStartArray("codeFlows");
            foreach (var source in sourcesOfContent)
            {
                json.WriteStartObject();
                json.WriteStartArray("threadFlows");
                json.WriteStartObject();
                json.WriteStartArray("locations");
                foreach (var (spot, message) in FlowSteps.Of(finding, source))
                {
                    json.WriteStartObject();
                    json.WriteStartObject("location");
                    WritePhysical(json, spot, sources);
                    WriteMessage(json, "message", message);
                    json.WriteEndObject();
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        private static void WritePhysical(Utf8JsonWriter json, SourceSpot spot, SourcePaths sources)
        {
            json.WriteStartObject("physicalLocation");
            json.WriteStartObject("artifactLocation");
            var (uri, relative) = sources.UriOf(spot.FullPath);
            json.WriteString("uri", uri);
            if (relative)
            {
                json.WriteString("uriBaseId", SourceRootId);
            }

            json.WriteEndObject();
            json.WriteStartObject("region");
            json.WriteNumber("startLine", spot.StartLine);
            json.WriteNumber("startColumn", spot.StartColumn);
            json.WriteNumber("endLine", spot.EndLine);
            json.WriteNumber("endColumn", spot.EndColumn);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        private static void WriteMessage(Utf8JsonWriter json, string name, string text)
        {
            json.WriteStartObject(name);
            json.WriteString("text", text);
            json.WriteEndObject();
        }
    }
}
