using System;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace DeepSynth.Cli.Findings
{
    /// <summary>A place in a source file, with its path relative to the checked root ('/' separators) and the text of its first line.</summary>
    internal sealed class SourceSpot
    {
        public SourceSpot(string fullPath, string relativePath, int startLine, int startColumn, int endLine, int endColumn, string lineText)
        {
            FullPath = fullPath;
            RelativePath = relativePath;
            StartLine = startLine;
            StartColumn = startColumn;
            EndLine = endLine;
            EndColumn = endColumn;
            LineText = lineText;
        }

        public string FullPath { get; }

        public string RelativePath { get; }

        /// <summary>1-based, like editors and SARIF.</summary>
        public int StartLine { get; }

        public int StartColumn { get; }

        public int EndLine { get; }

        public int EndColumn { get; }

        public string LineText { get; }

        /// <summary>"Services/Story.cs:12".</summary>
        public string Short => RelativePath + ":" + StartLine.ToString(System.Globalization.CultureInfo.InvariantCulture);

        public static SourceSpot? From(Location location, string rootDirectory)
        {
            if (location.Kind == LocationKind.ExternalFile)
            {
                // A finding in an additional file (deepsynth.json, DSYN901-907): located there, as the build reports it.
                return FromFile(location.GetLineSpan(), rootDirectory);
            }

            if (!location.IsInSource || location.SourceTree == null)
            {
                return null;
            }

            // Code a generator wrote from a Razor file (.razor, .cshtml) carries #line directives to it: the finding belongs
            // at the line of the page the user edits, as the compiler reports it, not in the generated file under obj/.
            var mapped = location.GetMappedLineSpan();
            if (mapped.IsValid && mapped.HasMappedPath)
            {
                return FromFile(mapped, rootDirectory);
            }

            var span = location.GetLineSpan();
            var lines = location.SourceTree.GetText().Lines;
            var lineText = span.StartLinePosition.Line < lines.Count ? lines[span.StartLinePosition.Line].ToString() : string.Empty;
            return At(span, rootDirectory, lineText);
        }

        private static SourceSpot? FromFile(FileLinePositionSpan span, string rootDirectory)
        {
            if (string.IsNullOrEmpty(span.Path))
            {
                return null;
            }

            string lineText;
            try
            {
                lineText = File.ReadLines(span.Path).Skip(span.StartLinePosition.Line).FirstOrDefault() ?? string.Empty;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                lineText = string.Empty;
            }

            return At(span, rootDirectory, lineText);
        }

        private static SourceSpot At(FileLinePositionSpan span, string rootDirectory, string lineText) =>
            new SourceSpot(
                span.Path,
                Relative(span.Path, rootDirectory),
                span.StartLinePosition.Line + 1,
                span.StartLinePosition.Character + 1,
                span.EndLinePosition.Line + 1,
                span.EndLinePosition.Character + 1,
                lineText);

        public static string Relative(string path, string rootDirectory) =>
            Path.IsPathRooted(path) ? Path.GetRelativePath(rootDirectory, path).Replace('\\', '/') : path.Replace('\\', '/');
    }
}
