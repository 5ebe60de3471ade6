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

        public static IReadOnlyList<SarifFinding> Read(string path)
        {
            using var stream = File.OpenRead(path);
            using var document = JsonDocument.Parse(stream, new JsonDocumentOptions { AllowTrailingCommas = true });
            var findings = new List<SarifFinding>();
            if (!document.RootElement.TryGetProperty("runs", out var runs) || runs.ValueKind != JsonValueKind.Array)
            {
                return findings;
            }

            foreach (var run in runs.EnumerateArray())
            {
                if (!run.TryGetProperty("results", out var results) || results.ValueKind != JsonValueKind.Array)
                {
                    continue;
                }

                foreach (var result in results.EnumerateArray())
                {
                    var ruleId = String(result, "ruleId");
                    if (ruleId == null || !ruleId.StartsWith(RulePrefix, StringComparison.Ordinal))
                    {
                        continue;
                    }

                    var message = result.TryGetProperty("message", out var messageElement) ? String(messageElement, "text") ?? string.Empty : string.Empty;
                    var (file, line) = LocationOf(result);
                    var (suppressed, justification) = SuppressionOf(result);
                    findings.Add(new SarifFinding(ruleId, String(result, "level") ?? "warning", message, file, line, suppressed, justification));
                }
            }

            return findings;
        }

        private static (string? File, int Line) LocationOf(JsonElement result)
        {
            if (!result.TryGetProperty("locations", out var locations) || locations.ValueKind != JsonValueKind.Array)
            {
                return (null, 0);
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

                var line = 0;
                if (physical.TryGetProperty("region", out var region) && region.TryGetProperty("startLine", out var startLine) && startLine.TryGetInt32(out var parsed))
                {
                    line = parsed;
                }

                return (file, line);
            }

            return (null, 0);
        }

        private static (bool Suppressed, string? Justification) SuppressionOf(JsonElement result)
        {
            if (!result.TryGetProperty("suppressions", out var suppressions) || suppressions.ValueKind != JsonValueKind.Array)
            {
                return (false, null);
            }

            foreach (var suppression in suppressions.EnumerateArray())
            {
                return (true, String(suppression, "justification"));
            }

            return (false, null);
        }

        private static string? String(JsonElement element, string name) =>
            element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
                ? value.GetString()
                : null;
    }
}
