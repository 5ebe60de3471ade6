using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;

namespace DeepSynth.Findings
{
    /// <summary>One accepted finding in a baseline.</summary>
    public sealed class BaselineEntry
    {
        public BaselineEntry(string ruleId, string fingerprint, string file, int line, string message)
        {
            RuleId = ruleId;
            Fingerprint = fingerprint;
            File = file;
            Line = line;
            Message = message;
        }

        public string RuleId { get; }

        public string Fingerprint { get; }

        /// <summary>Where it was when baselined (for people reading the file; matching uses the fingerprint).</summary>
        public string File { get; }

        public int Line { get; }

        public string Message { get; }
    }

    /// <summary>
    /// deepsynth.baseline.json: the findings a team accepted when it adopted DeepSynth. Baselined findings stay visible in
    /// reports but do not fail the build; a new finding does. Written sorted, so the file diffs cleanly.
    /// </summary>
    public sealed class BaselineDocument
    {
        public const string FileName = "deepsynth.baseline.json";
        public const int CurrentVersion = 1;

        public BaselineDocument(IEnumerable<BaselineEntry> entries) =>
            Entries = entries.OrderBy(e => e.File, StringComparer.Ordinal).ThenBy(e => e.Line).ThenBy(e => e.RuleId, StringComparer.Ordinal).ThenBy(e => e.Fingerprint, StringComparer.Ordinal).ToList();

        public IReadOnlyList<BaselineEntry> Entries { get; }

        public bool Contains(string ruleId, string fingerprint) => Entries.Any(e => e.RuleId == ruleId && e.Fingerprint == fingerprint);

        /// <exception cref="InvalidDataException">The file is not a DeepSynth baseline (with the reason).</exception>
        public static BaselineDocument Read(string path)
        {
            try
            {
                using var document = JsonDocument.Parse(System.IO.File.ReadAllBytes(path));
                var root = document.RootElement;
                if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("version", out var version) || version.GetInt32() != CurrentVersion)
                {
                    throw new InvalidDataException($"{path} is not a version {CurrentVersion} DeepSynth baseline.");
                }

                var entries = new List<BaselineEntry>();
                foreach (var finding in root.GetProperty("findings").EnumerateArray())
                {
                    entries.Add(new BaselineEntry(
                        finding.GetProperty("ruleId").GetString() ?? string.Empty,
                        finding.GetProperty("fingerprint").GetString() ?? string.Empty,
                        finding.TryGetProperty("file", out var file) ? file.GetString() ?? string.Empty : string.Empty,
                        finding.TryGetProperty("line", out var line) && line.TryGetInt32(out var number) ? number : 0,
                        finding.TryGetProperty("message", out var message) ? message.GetString() ?? string.Empty : string.Empty));
                }

                return new BaselineDocument(entries);
            }
            catch (Exception e) when (e is JsonException || e is KeyNotFoundException || e is InvalidOperationException || e is FormatException)
            {
                throw new InvalidDataException($"{path} is not a valid DeepSynth baseline: {Describe(e)}", e);
            }
        }

        /// <summary>The reader's failure in a reader's words: a 1-based line and column, the key that is missing.</summary>
        private static string Describe(Exception e) => e switch
        {
            JsonException { LineNumber: { } line } json => string.Format(System.Globalization.CultureInfo.InvariantCulture, "not valid JSON at line {0}, column {1}", line + 1, (json.BytePositionInLine ?? 0) + 1),
            JsonException => "not valid JSON",
            KeyNotFoundException => "a required key (\"findings\", \"ruleId\" or \"fingerprint\") is missing",
            InvalidOperationException => "a value has the wrong type (\"findings\" must be an array of objects with string \"ruleId\" and \"fingerprint\")",
            _ => e.Message,
        };

        public void Write(string path)
        {
            using var stream = new MemoryStream();
            using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
            {
                writer.WriteStartObject();
                writer.WriteNumber("version", CurrentVersion);
                writer.WriteString("description", "Findings accepted when DeepSynth was adopted. They are reported but do not fail the build; new findings do. Regenerate with -p:DeepSynthUpdateBaseline=true or 'deepsynth baseline'.");
                writer.WriteStartArray("findings");
                foreach (var entry in Entries)
                {
                    writer.WriteStartObject();
                    writer.WriteString("ruleId", entry.RuleId);
                    writer.WriteString("fingerprint", entry.Fingerprint);
                    writer.WriteString("file", entry.File);
                    writer.WriteNumber("line", entry.Line);
                    writer.WriteString("message", entry.Message);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            System.IO.File.WriteAllText(path, Encoding.UTF8.GetString(stream.ToArray()) + "\n", new UTF8Encoding(false));
        }
    }
}
