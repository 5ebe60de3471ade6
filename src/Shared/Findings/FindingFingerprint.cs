using System;
using System.Security.Cryptography;
using System.Text;

namespace DeepSynth.Findings
{
    /// <summary>
    /// A fingerprint for a finding that survives unrelated edits and line shifts: the rule, the file (relative to the
    /// repository or project root, with '/' separators), the text of the reported line with whitespace normalised, and the
    /// occurrence number of that same (rule, file, line text) in the file. Shared by the build task, the CLI and SARIF
    /// partialFingerprints, so a baseline written by one is honoured by the others.
    /// </summary>
    public static class FindingFingerprint
    {
        public const string SarifKey = "deepsynthFinding/v1";

        public static string Compute(string ruleId, string relativePath, string lineText, int occurrence)
        {
            var normalizedPath = relativePath.Replace('\\', '/').TrimStart('/');
            var input = ruleId + "\n" + normalizedPath + "\n" + NormalizeLine(lineText) + "\n" + occurrence.ToString(System.Globalization.CultureInfo.InvariantCulture);
            using var sha = SHA256.Create();
            var hash = sha.ComputeHash(Encoding.UTF8.GetBytes(input));
            var builder = new StringBuilder(32);
            for (var i = 0; i < 16; i++)
            {
                builder.Append(hash[i].ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
            }

            return builder.ToString();
        }

        /// <summary>The line as fingerprinted: trimmed, runs of whitespace collapsed to one space.</summary>
        public static string NormalizeLine(string line)
        {
            var builder = new StringBuilder(line.Length);
            var space = false;
            foreach (var c in line.Trim())
            {
                if (char.IsWhiteSpace(c))
                {
                    space = true;
                    continue;
                }

                if (space && builder.Length > 0)
                {
                    builder.Append(' ');
                }

                space = false;
                builder.Append(c);
            }

            return builder.ToString();
        }
    }
}
