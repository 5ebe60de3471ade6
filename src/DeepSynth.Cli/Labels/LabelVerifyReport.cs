using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using DeepSynth.Cli.Reports;
using DeepSynth.Compliance.Metadata;

namespace DeepSynth.Cli.Labels
{
    /// <summary>The reports of <c>deepsynth verify</c>: readable text, JSON, and SARIF 2.1.0 (one result per failed check).</summary>
    internal static class LabelVerifyReport
    {
        /// <summary>The SARIF rule for files that could not be checked (not identified, damaged, unreadable).</summary>
        private const string InconclusiveRule = "AIGC-READABLE";

        public static string Text(IReadOnlyList<VerifiedFile> files)
        {
            var text = new StringBuilder();
            foreach (var file in files)
            {
                var inspection = file.Inspection;
                text.Append(file.DisplayPath).Append("  ").Append(inspection?.Format.ToString() ?? "?").Append("  ")
                    .Append(LabelVerdictNames.Of(file.Verdict)).Append(" / ").AppendLine(LabelVerdictNames.Chinese(file.Verdict));
                if (file.Reason is { } reason)
                {
                    text.Append("  ").AppendLine(reason);
                }

                foreach (var label in inspection?.Labels ?? Enumerable.Empty<FoundAigcLabel>())
                {
                    text.Append("  site: ").Append(label.Site.Location).Append(" (").Append(LabelVerdictNames.Of(label.Site.Placement)).Append(", ").Append(label.Site.Clause).AppendLine(")");
                    text.Append("    ").AppendLine(label.Metadata is { } m ? string.Join(" ", AigcMetadata.FieldNames.Select(f => $"{f}={m[f]}")) : label.Error);
                }

                foreach (var check in inspection?.Checks ?? Enumerable.Empty<AigcCheckResult>())
                {
                    text.Append("  ").Append(check.Passed ? "pass " : "FAIL ").Append(check.Check.Id).Append("  ").Append(check.Check.Title)
                        .Append(" / ").Append(check.Check.TitleZh).Append("  [").Append(check.Check.Clause).AppendLine("]");
                    if (check.Detail is not null)
                    {
                        text.Append("       ").AppendLine(check.Detail);
                    }
                }
            }

            var counts = files.GroupBy(f => f.Verdict).OrderBy(g => g.Key).Select(g => $"{g.Count()} {LabelVerdictNames.Of(g.Key)}");
            text.Append(files.Count).Append(files.Count == 1 ? " file: " : " files: ").AppendLine(string.Join(", ", counts));
            return text.ToString();
        }

        public static string Json(IReadOnlyList<VerifiedFile> files)
        {
            using var stream = new MemoryStream();
            using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            {
                json.WriteStartObject();
                json.WriteString("tool", "deepsynth " + ToolVersion.Semantic);
                json.WriteStartArray("files");
                foreach (var file in files)
                {
                    WriteFile(json, file);
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
        }

        public static string Sarif(IReadOnlyList<VerifiedFile> files)
        {
            var rules = AigcLabelCheck.All.Select(c => (c.Id, c.Title, c.TitleZh, c.Clause)).ToList();
            rules.Add((InconclusiveRule, "The file could be read and its format identified", "文件可读取且格式可识别", "GB 45438-2025 Annex E"));
            using var stream = new MemoryStream();
            using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            {
                json.WriteStartObject();
                json.WriteString("$schema", SarifReport.SchemaUri);
                json.WriteString("version", "2.1.0");
                json.WriteStartArray("runs");
                json.WriteStartObject();
                json.WriteStartObject("tool");
                json.WriteStartObject("driver");
                json.WriteString("name", "deepsynth verify");
                json.WriteString("semanticVersion", ToolVersion.Semantic);
                json.WriteString("informationUri", ToolVersion.InformationUri);
                json.WriteStartArray("rules");
                foreach (var rule in rules)
                {
                    json.WriteStartObject();
                    json.WriteString("id", rule.Id);
                    json.WriteStartObject("shortDescription");
                    json.WriteString("text", rule.Title);
                    json.WriteEndObject();
                    json.WriteStartObject("fullDescription");
                    json.WriteString("text", $"{rule.Title} / {rule.TitleZh} ({rule.Clause})");
                    json.WriteEndObject();
                    json.WriteStartObject("properties");
                    json.WriteString("clause", rule.Clause);
                    json.WriteEndObject();
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
                json.WriteEndObject();
                json.WriteStartArray("results");
                foreach (var file in files)
                {
                    if (file.Reason is { } reason)
                    {
                        WriteResult(json, rules.FindIndex(r => r.Id == InconclusiveRule), InconclusiveRule, "warning", reason, file.DisplayPath);
                    }

                    foreach (var problem in file.Inspection?.Problems ?? Enumerable.Empty<AigcCheckResult>())
                    {
                        WriteResult(json, rules.FindIndex(r => r.Id == problem.Check.Id), problem.Check.Id, "error", $"{problem.Check.Title} / {problem.Check.TitleZh}: {problem.Detail} [{problem.Check.Clause}]", file.DisplayPath);
                    }
                }

                json.WriteEndArray();
                json.WriteEndObject();
                json.WriteEndArray();
                json.WriteEndObject();
            }

            return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
        }

        private static void WriteResult(Utf8JsonWriter json, int ruleIndex, string ruleId, string level, string message, string path)
        {
            json.WriteStartObject();
            json.WriteString("ruleId", ruleId);
            json.WriteNumber("ruleIndex", ruleIndex);
            json.WriteString("level", level);
            json.WriteStartObject("message");
            json.WriteString("text", message);
            json.WriteEndObject();
            json.WriteStartArray("locations");
            json.WriteStartObject();
            json.WriteStartObject("physicalLocation");
            json.WriteStartObject("artifactLocation");
            json.WriteString("uri", path);
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }

        private static void WriteFile(Utf8JsonWriter json, VerifiedFile file)
        {
            json.WriteStartObject();
            json.WriteString("file", file.DisplayPath);
            json.WriteString("format", file.Inspection?.Format.ToString());
            json.WriteString("verdict", LabelVerdictNames.Of(file.Verdict));
            json.WriteString("verdictZh", LabelVerdictNames.Chinese(file.Verdict));
            if (file.Reason is not null)
            {
                json.WriteString("reason", file.Reason);
            }

            json.WriteStartArray("sites");
            foreach (var label in file.Inspection?.Labels ?? Enumerable.Empty<FoundAigcLabel>())
            {
                json.WriteStartObject();
                json.WriteString("location", label.Site.Location);
                json.WriteString("placement", LabelVerdictNames.Of(label.Site.Placement));
                json.WriteString("clause", label.Site.Clause);
                if (label.Metadata is { } metadata)
                {
                    json.WriteStartObject("fields");
                    foreach (var field in AigcMetadata.FieldNames)
                    {
                        json.WriteString(field, metadata[field]);
                    }

                    json.WriteEndObject();
                }
                else
                {
                    json.WriteString("error", label.Error);
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("checks");
            foreach (var check in file.Inspection?.Checks ?? Enumerable.Empty<AigcCheckResult>())
            {
                json.WriteStartObject();
                json.WriteString("id", check.Check.Id);
                json.WriteBoolean("passed", check.Passed);
                json.WriteString("clause", check.Check.Clause);
                json.WriteString("title", check.Check.Title);
                json.WriteString("titleZh", check.Check.TitleZh);
                if (check.Detail is not null)
                {
                    json.WriteString("detail", check.Detail);
                }

                if (check.Site is not null)
                {
                    json.WriteString("site", check.Site.Location);
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }
    }
}
