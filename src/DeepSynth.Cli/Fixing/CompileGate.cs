using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;

namespace DeepSynth.Cli.Fixing
{
    /// <summary>A compile error a fix introduced, where it is.</summary>
    internal sealed record BrokenBuild(string File, string Error);

    /// <summary>
    /// Compiles the fixed solution before anything is written and undoes the fixes that break it: documents whose changes
    /// bring new compile errors get their text back (then the whole rule's changes, when errors remain). Errors the code
    /// had before the fix (a project MSBuild loaded partly) are not counted: only errors that are new.
    /// </summary>
    internal static class CompileGate
    {
        public static async Task<(Solution Solution, IReadOnlyList<BrokenBuild> Broken)> KeepCompilingAsync(Solution original, Solution changed, CancellationToken cancellationToken)
        {
            var broken = await NewErrorsAsync(original, changed, cancellationToken).ConfigureAwait(false);
            if (broken.Count == 0)
            {
                return (changed, new List<BrokenBuild>());
            }

            // Undo the documents with new errors: a fix that broke the build there is reported and not written.
            var solution = changed;
            foreach (var document in broken.Select(b => b.Document).Distinct())
            {
                var before = original.GetDocument(document);
                solution = before == null
                    ? solution.RemoveDocument(document)
                    : solution.WithDocumentText(document, await before.GetTextAsync(cancellationToken).ConfigureAwait(false));
            }

            var report = broken.Select(b => new BrokenBuild(b.File, b.Error)).ToList();
            if ((await NewErrorsAsync(original, solution, cancellationToken).ConfigureAwait(false)).Count > 0)
            {
                // What is left still breaks (a signature changed in one file, its caller in another): keep nothing of this rule.
                solution = original;
            }

            return (solution, report);
        }

        private static async Task<List<(DocumentId Document, string File, string Error)>> NewErrorsAsync(Solution original, Solution changed, CancellationToken cancellationToken)
        {
            var found = new List<(DocumentId, string, string)>();
            foreach (var projectChanges in changed.GetChanges(original).GetProjectChanges())
            {
                var before = await ErrorsAsync(projectChanges.OldProject, cancellationToken).ConfigureAwait(false);
                var counts = before.GroupBy(Key).ToDictionary(g => g.Key, g => g.Count());
                var after = await ErrorsAsync(projectChanges.NewProject, cancellationToken).ConfigureAwait(false);
                foreach (var group in after.GroupBy(Key))
                {
                    foreach (var error in group.Skip(counts.TryGetValue(group.Key, out var had) ? had : 0))
                    {
                        var document = projectChanges.NewProject.GetDocument(error.Location.SourceTree);
                        if (document != null)
                        {
                            found.Add((document.Id, document.FilePath ?? document.Name, error.ToString()));
                        }
                    }
                }
            }

            return found;
        }

        /// <summary>An error is "the same" before and after when its code and message are (lines move when code is inserted).</summary>
        private static string Key(Diagnostic error) => error.Id + "\u0001" + error.GetMessage(System.Globalization.CultureInfo.InvariantCulture);

        private static async Task<IReadOnlyList<Diagnostic>> ErrorsAsync(Project project, CancellationToken cancellationToken)
        {
            var compilation = await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false);
            return compilation == null
                ? new List<Diagnostic>()
                : compilation.GetDiagnostics(cancellationToken).Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        }
    }
}
