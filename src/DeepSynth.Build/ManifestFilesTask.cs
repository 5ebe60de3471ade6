using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using DeepSynth.Manifest;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace DeepSynth.Build
{
    /// <summary>
    /// Lists the files deepsynth.json names (the user agreement, pages that show the filing number), one full path a
    /// line, so the package can hand them to the analyzers as additional files: analyzers may not read the disk, and the
    /// duties they check live in those files. Runs only when the manifest changes (the targets declare its inputs).
    /// </summary>
    public sealed class ManifestFilesTask : Task
    {
        [Required]
        public string ManifestFile { get; set; } = string.Empty;

        [Required]
        public string OutputFile { get; set; } = string.Empty;

        public override bool Execute()
        {
            var directory = Path.GetDirectoryName(Path.GetFullPath(ManifestFile)) ?? string.Empty;
            var paths = new List<string>();
            try
            {
                using var document = JsonDocument.Parse(File.ReadAllText(ManifestFile), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
                paths.AddRange(ReferencedFiles(document.RootElement).Select(p => Path.GetFullPath(Path.Combine(directory, p))).Distinct(StringComparer.Ordinal));
            }
            catch (Exception e) when (e is JsonException || e is IOException || e is UnauthorizedAccessException || e is ArgumentException || e is NotSupportedException)
            {
                // The analyzers report a broken manifest at its line and column (DSYN901); there is nothing to list.
                Log.LogMessage(MessageImportance.Low, "DeepSynth: {0} lists no files: {1}", ManifestFile, e.Message);
            }

            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(OutputFile)) ?? ".");
            File.WriteAllText(OutputFile, string.Concat(paths.Select(p => p + "\n")), new UTF8Encoding(false));
            return true;
        }

        /// <summary>The agreement file and the displayedAt entries that are files (not routes "/x" nor URLs).</summary>
        private static IEnumerable<string> ReferencedFiles(JsonElement root)
        {
            if (root.ValueKind != JsonValueKind.Object)
            {
                yield break;
            }

            if (root.TryGetProperty(ManifestKeys.UserAgreement, out var agreement) && agreement.ValueKind == JsonValueKind.Object &&
                agreement.TryGetProperty(ManifestKeys.AgreementFile, out var file) && file.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(file.GetString()))
            {
                yield return file.GetString()!;
            }

            if (root.TryGetProperty(ManifestKeys.AlgorithmFiling, out var filing) && filing.ValueKind == JsonValueKind.Object &&
                filing.TryGetProperty(ManifestKeys.DisplayedAt, out var places) && places.ValueKind == JsonValueKind.Array)
            {
                foreach (var place in places.EnumerateArray())
                {
                    var text = place.ValueKind == JsonValueKind.String ? place.GetString() : null;
                    if (!string.IsNullOrWhiteSpace(text) && !text!.StartsWith("/", StringComparison.Ordinal) && text.IndexOf("://", StringComparison.Ordinal) < 0)
                    {
                        yield return text;
                    }
                }
            }
        }
    }
}
