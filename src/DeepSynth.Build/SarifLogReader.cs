using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;

namespace DeepSynth.Build
{
    /// <summary>Reads the DeepSynth results (rule IDs starting with DSYN) from a SARIF 2.1 log written by the compiler.</summary>
    public static class SarifLogReader
    {
        public const string RulePrefix = "DSYN";

        /// <summary>
        /// The compiler's ErrorLog property may carry a version suffix ("log.sarif,version=2.1"); this returns the path part.
        /// </summary>
        public static string PathOf(string errorLog)
        {
            var comma = errorLog.IndexOf(',');
            return (comma < 0 ? errorLog : errorLog.Substring(0, comma)).Trim();
        }

        public static IReadOnlyList<SarifFinding> Read(string path) => ReadLog(path).Findings;

        /// <summary>The DeepSynth results and the titles of the DeepSynth rules that ran.</summary>
        /// <exception cref="InvalidDataException">The log is not SARIF 2.1 (for example the compiler's default 1.0 format).</exception>
        public static SarifLog ReadLog(string path)
        {
            using var stream = File.OpenRead(path);
            using var document = JsonDocument.Parse(stream, new JsonDocumentOptions { AllowTrailingCommas = true });
            var version = String(document.RootElement, "version");
            if (version == null || !version.StartsWith("2.", StringComparison.Ordinal))
            {
                throw new InvalidDataException($"{path} is SARIF {version ?? "of an unknown version"}; DeepSynth reads SARIF 2.1 (ErrorLog=\"file.sarif,version=2.1\").");
            }

            var findings = new List<SarifFinding>();
            var rules = new Dictionary<string, string>(StringComparer.Ordinal);
            var filesWithErrors = new HashSet<string>(StringComparer.Ordinal);
            if (!document.RootElement.TryGetProperty("runs", out var runs) || runs.ValueKind != JsonValueKind.Array)
            {
                return new SarifLog(findings, rules);
            }

            foreach (var run in runs.EnumerateArray())
            {
                ReadRules(run, rules);
                if (!run.TryGetProperty("results", out var results) || results.ValueKind != JsonValueKind.Array)
                {
                    continue;
                }

                foreach (var result in results.EnumerateArray())
                {
                    var ruleId = String(result, "ruleId");
                    if (ruleId == null || !ruleId.StartsWith(RulePrefix, StringComparison.Ordinal))
                    {
                        if (ruleId != null && ruleId.StartsWith("CS", StringComparison.Ordinal) && String(result, "level") == "error")
                        {
                            filesWithErrors.Add(LocationOf(result).File ?? string.Empty);
                        }

                        continue;
                    }

                    var message = result.TryGetProperty("message", out var messageElement) ? String(messageElement, "text") ?? string.Empty : string.Empty;
                    var (file, line, column) = LocationOf(result);
                    var (suppressed, justification, kind) = SuppressionOf(result);
                    findings.Add(new SarifFinding(ruleId, String(result, "level") ?? "warning", message, file, line, suppressed, justification, column, kind));
                }
            }

            return new SarifLog(findings, rules, filesWithErrors.Count);
        }

        /// <summary>The rules the compiler lists for the run (every rule of every analyzer that was loaded).</summary>
        private static void ReadRules(JsonElement run, Dictionary<string, string> rules)
        {
            if (!run.TryGetProperty("tool", out var tool) || !tool.TryGetProperty("driver", out var driver) ||
                !driver.TryGetProperty("rules", out var list) || list.ValueKind != JsonValueKind.Array)
            {
                return;
            }

            foreach (var rule in list.EnumerateArray())
            {
                var id = String(rule, "id");
                if (id != null && id.StartsWith(RulePrefix, StringComparison.Ordinal))
                {
                    rules[id] = rule.TryGetProperty("shortDescription", out var title) ? String(title, "text") ?? id : id;
                }
            }
        }

        private static (string? File, int Line, int Column) LocationOf(JsonElement result)
        {
            if (!result.TryGetProperty("locations", out var locations) || locations.ValueKind != JsonValueKind.Array)
            {
                return (null, 0, 0);
            }

            foreach (var location in locations.EnumerateArray())
            {
                if (!location.TryGetProperty("physicalLocation", out var physical))
                {
                    continue;
                }

                string? file = null;
                if (physical.TryGetProperty("artifactLocation", out var artifact))
                {
                    file = String(artifact, "uri");
                    if (file != null && Uri.TryCreate(file, UriKind.Absolute, out var uri) && uri.IsFile)
                    {
                        file = uri.LocalPath;
                    }
                }

                var region = physical.TryGetProperty("region", out var found) ? found : default;
                return (file, Int(region, "startLine"), Int(region, "startColumn"));
            }

            return (null, 0, 0);
        }

        private static (bool Suppressed, string? Justification, string? Kind) SuppressionOf(JsonElement result)
        {
            if (!result.TryGetProperty("suppressions", out var suppressions) || suppressions.ValueKind != JsonValueKind.Array)
            {
                return (false, null, null);
            }

            foreach (var suppression in suppressions.EnumerateArray())
            {
                var kind = suppression.TryGetProperty("properties", out var properties) ? String(properties, "suppressionType") : null;
                return (true, String(suppression, "justification"), kind ?? String(suppression, "kind"));
            }

            return (false, null, null);
        }

        private static int Int(JsonElement element, string name) =>
            element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.TryGetInt32(out var number) ? number : 0;

        private static string? String(JsonElement element, string name) =>
            element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
                ? value.GetString()
                : null;
    }
}
