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
            if (!location.IsInSource || location.SourceTree == null)
            {
                return null;
            }

            // Code a generator wrote from a Razor file (.razor, .cshtml) carries #line directives to it: the finding belongs
            // at the line of the page the user edits, as the compiler reports it, not in the generated file under obj/.
            var mapped = location.GetMappedLineSpan();
            var span = mapped.IsValid && mapped.HasMappedPath ? mapped : location.GetLineSpan();
            var lineText = mapped.IsValid && mapped.HasMappedPath ? LineOfFile(span.Path, span.StartLinePosition.Line) : LineOfTree(location.SourceTree, span.StartLinePosition.Line);
            return new SourceSpot(
                span.Path,
                Relative(span.Path, rootDirectory),
                span.StartLinePosition.Line + 1,
                span.StartLinePosition.Character + 1,
                span.EndLinePosition.Line + 1,
                span.EndLinePosition.Character + 1,
                lineText);
        }

        private static string LineOfTree(SyntaxTree tree, int line)
        {
            var lines = tree.GetText().Lines;
            return line < lines.Count ? lines[line].ToString() : string.Empty;
        }

        private static string LineOfFile(string path, int line)
        {
            try
            {
                var lines = File.ReadLines(path);
                using var e = lines.Skip(line).GetEnumerator();
                return e.MoveNext() ? e.Current : string.Empty;
            }
            catch (IOException)
            {
                return string.Empty;
            }
            catch (System.Exception e) when (e is System.UnauthorizedAccessException || e is System.ArgumentException || e is System.NotSupportedException)
            {
                return string.Empty;
            }
        }

        public static string Relative(string path, string rootDirectory) =>
            Path.IsPathRooted(path) ? Path.GetRelativePath(rootDirectory, path).Replace('\\', '/') : path.Replace('\\', '/');
    }
}
