using System;
using System.Collections.Generic;
using System.IO;
using System.Text.RegularExpressions;

namespace DeepSynth.Build
{
    /// <summary>
    /// The lines of the files findings point at, read once each: the text of a reported line goes into its fingerprint,
    /// and the comment of a <c>#pragma warning disable</c> is the justification of the suppression.
    /// </summary>
    internal sealed class SourceLines
    {
        private static readonly Regex PragmaDisable = new Regex(@"^\s*#\s*pragma\s+warning\s+disable\b(?<rules>[^/]*)(//(?<comment>.*))?$", RegexOptions.CultureInvariant);
        private static readonly Regex PragmaRestore = new Regex(@"^\s*#\s*pragma\s+warning\s+restore\b(?<rules>[^/]*)", RegexOptions.CultureInvariant);
        private readonly Dictionary<string, string[]> _files = new Dictionary<string, string[]>(StringComparer.Ordinal);

        /// <summary>The text of a 1-based line; empty when the file or line cannot be read (generated or deleted files).</summary>
        public string LineText(string? path, int line)
        {
            var lines = Lines(path);
            return line >= 1 && line <= lines.Length ? lines[line - 1] : string.Empty;
        }

        /// <summary>
        /// The comment of the nearest <c>#pragma warning disable</c> above the line that covers the rule:
        /// <c>#pragma warning disable DSYN001 // staff preview only</c> gives "staff preview only".
        /// </summary>
        public string? PragmaComment(string? path, int line, string ruleId)
        {
            var lines = Lines(path);
            for (var i = Math.Min(line, lines.Length) - 1; i >= 0; i--)
            {
                var restore = PragmaRestore.Match(lines[i]);
                if (restore.Success && Covers(restore.Groups["rules"].Value, ruleId))
                {
                    return null;
                }

                var disable = PragmaDisable.Match(lines[i]);
                if (disable.Success && Covers(disable.Groups["rules"].Value, ruleId))
                {
                    var comment = disable.Groups["comment"].Value.Trim();
                    return comment.Length == 0 ? null : comment;
                }
            }

            return null;
        }

        /// <summary>A pragma without rule ids covers every rule.</summary>
        private static bool Covers(string rules, string ruleId)
        {
            var ids = rules.Split(new[] { ',', ' ', '\t' }, StringSplitOptions.RemoveEmptyEntries);
            return ids.Length == 0 || Array.IndexOf(ids, ruleId) >= 0;
        }

        private string[] Lines(string? path)
        {
            if (path == null)
            {
                return Array.Empty<string>();
            }

            if (!_files.TryGetValue(path, out var lines))
            {
                try
                {
                    lines = File.Exists(path) ? File.ReadAllLines(path) : Array.Empty<string>();
                }
                catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
                {
                    lines = Array.Empty<string>();
                }

                _files[path] = lines;
            }

            return lines;
        }
    }
}
