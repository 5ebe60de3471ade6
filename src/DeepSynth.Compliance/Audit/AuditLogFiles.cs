using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace DeepSynth.Compliance.Audit
{
    /// <summary>Names and finds the daily files of a log: <c>{prefix}-YYYY-MM-DD.jsonl</c>, one per UTC day.</summary>
    internal static class AuditLogFiles
    {
        private static readonly Regex DailyFile = new Regex(@"^(?<prefix>.+)-(?<day>\d{4}-\d{2}-\d{2})\.jsonl$", RegexOptions.CultureInvariant);

        public static string NameFor(string prefix, DateTimeOffset day) =>
            prefix + "-" + day.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + ".jsonl";

        /// <summary>The daily files of each log in <paramref name="directory"/>, oldest first, grouped by prefix.</summary>
        public static IReadOnlyDictionary<string, List<(string Path, DateTime Day)>> Find(string directory)
        {
            var result = new SortedDictionary<string, List<(string Path, DateTime Day)>>(StringComparer.Ordinal);
            if (!Directory.Exists(directory))
            {
                return result;
            }

            foreach (var path in Directory.EnumerateFiles(directory, "*.jsonl"))
            {
                var match = DailyFile.Match(Path.GetFileName(path));
                if (!match.Success || !DateTime.TryParseExact(match.Groups["day"].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var day))
                {
                    continue;
                }

                var prefix = match.Groups["prefix"].Value;
                if (!result.TryGetValue(prefix, out var list))
                {
                    result[prefix] = list = new List<(string, DateTime)>();
                }

                list.Add((path, day));
            }

            foreach (var list in result.Values)
            {
                list.Sort((a, b) => a.Day.CompareTo(b.Day));
            }

            return result;
        }

        public static List<(string Path, DateTime Day)> Find(string directory, string prefix) =>
            Find(directory).TryGetValue(prefix, out var list) ? list : new List<(string, DateTime)>();

        /// <summary>The complete lines of a file and the length of an unterminated tail (a record torn by a crash).</summary>
        public static (List<byte[]> Lines, int TornTail) ReadLines(string path)
        {
            var (lines, torn) = ReadLinesAt(path);
            return (lines.ConvertAll(l => l.Bytes), torn.Length);
        }

        /// <summary>The complete lines of a file with the byte offset each starts at, and the unterminated tail.</summary>
        public static (List<(byte[] Bytes, long Offset)> Lines, byte[] TornTail) ReadLinesAt(string path)
        {
            var bytes = File.ReadAllBytes(path);
            var lines = new List<(byte[], long)>();
            var start = 0;
            for (var i = 0; i < bytes.Length; i++)
            {
                if (bytes[i] == (byte)'\n')
                {
                    lines.Add((Slice(bytes, start, i - start), start));
                    start = i + 1;
                }
            }

            return (lines, Slice(bytes, start, bytes.Length - start));
        }

        /// <summary>The checkpoint file kept next to a log's daily files.</summary>
        public static string CheckpointFile(string directory, string prefix) => Path.Combine(directory, prefix + ".checkpoints.jsonl");

        private static byte[] Slice(byte[] bytes, int start, int length)
        {
            var slice = new byte[length];
            Buffer.BlockCopy(bytes, start, slice, 0, length);
            return slice;
        }
    }
}
