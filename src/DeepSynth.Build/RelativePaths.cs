using System;
using System.IO;
using System.Linq;

namespace DeepSynth.Build
{
    /// <summary>Paths as reports and fingerprints write them: relative to the project directory, with '/' separators.</summary>
    internal static class RelativePaths
    {
        private static readonly StringComparison PathComparison =
            Path.DirectorySeparatorChar == '\\' ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

        /// <summary>The path of <paramref name="file"/> from <paramref name="directory"/> ("src/Chat.cs", "../deepsynth.json").</summary>
        public static string From(string directory, string file)
        {
            // netstandard2.0 has no Path.GetRelativePath.
            var from = Path.GetFullPath(directory).Replace('\\', '/').TrimEnd('/').Split('/');
            var to = Path.GetFullPath(file).Replace('\\', '/').Split('/');
            var common = 0;
            while (common < from.Length && common < to.Length - 1 && string.Equals(from[common], to[common], PathComparison))
            {
                common++;
            }

            if (common == 0)
            {
                return string.Join("/", to);
            }

            return string.Join("/", Enumerable.Repeat("..", from.Length - common).Concat(to.Skip(common)));
        }
    }
}
