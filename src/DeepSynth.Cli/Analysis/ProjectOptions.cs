using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using DeepSynth.Cli.Loading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace DeepSynth.Cli.Analysis
{
    /// <summary>
    /// The analyzer options of a project as a build with the DeepSynth package would give them: its additional files and
    /// .editorconfig options, plus the deepsynth.json beside the project file (the package adds it; the CLI checks projects
    /// that may not reference the package).
    /// </summary>
    internal static class ProjectOptions
    {
        public const string ConfigurationFileName = "deepsynth.json";

        public static AnalyzerOptions For(Project project)
        {
            var options = project.AnalyzerOptions;
            var directory = Path.GetDirectoryName(project.FilePath);
            if (directory == null)
            {
                return options;
            }

            var configuration = Path.Combine(directory, ConfigurationFileName);
            if (!File.Exists(configuration) || options.AdditionalFiles.Any(f => SolutionLoader.SamePath(f.Path, configuration)))
            {
                return options;
            }

            return options.WithAdditionalFiles(options.AdditionalFiles.Add(new FileText(configuration)));
        }

        /// <summary>An additional file read from disk when first asked for.</summary>
        private sealed class FileText : AdditionalText
        {
            private SourceText? _text;

            public FileText(string path) => Path = path;

            public override string Path { get; }

            public override SourceText GetText(CancellationToken cancellationToken = default) =>
                _text ??= SourceText.From(File.ReadAllText(Path, Encoding.UTF8), Encoding.UTF8);
        }
    }
}
