using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DeepSynth.Cli.Loading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Emit;

namespace DeepSynth.Cli.Analysis
{
    /// <summary>One project as the analysis sees it: its compilation and the options the analyzers get in a build.</summary>
    internal sealed class ProjectCompilation
    {
        public ProjectCompilation(Project project, Compilation compilation, AnalyzerOptions options, bool referencesSolutionProjects)
        {
            Project = project;
            Compilation = compilation;
            Options = options;
            ReferencesSolutionProjects = referencesSolutionProjects;
        }

        public Project Project { get; }

        public Compilation Compilation { get; }

        public AnalyzerOptions Options { get; }

        /// <summary>It calls code of other projects of the solution, so whole-solution summaries can change its findings.</summary>
        public bool ReferencesSolutionProjects { get; }
    }

    /// <summary>
    /// The compilations of the projects to check and of the projects they reference, in dependency order. A workspace
    /// compiles a project reference as a reference to the other project's compilation, whose methods are source symbols
    /// with syntax the referencing compilation cannot bind. The engine must see them as metadata, as a build does, so it
    /// asks for their summaries: each referenced project is replaced by a metadata-only image of its compilation.
    /// </summary>
    internal static class SolutionCompilations
    {
        public static async Task<IReadOnlyList<ProjectCompilation>> CreateAsync(Solution solution, IEnumerable<ProjectId> targets, List<LoadProblem> problems, CancellationToken cancellationToken)
        {
            var graph = solution.GetProjectDependencyGraph();
            var needed = new HashSet<ProjectId>();
            foreach (var target in targets)
            {
                needed.Add(target);
                needed.UnionWith(graph.GetProjectsThatThisProjectTransitivelyDependsOn(target));
            }

            var images = new Dictionary<string, MetadataReference>(StringComparer.Ordinal);
            var result = new List<ProjectCompilation>();
            foreach (var id in graph.GetTopologicallySortedProjects(cancellationToken).Where(needed.Contains))
            {
                var project = solution.GetProject(id)!;
                if (project.Language != LanguageNames.CSharp)
                {
                    continue;
                }

                var compilation = await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false);
                if (compilation == null)
                {
                    continue;
                }

                foreach (var reference in compilation.References.OfType<CompilationReference>().ToList())
                {
                    if (images.TryGetValue(reference.Compilation.AssemblyName ?? string.Empty, out var image))
                    {
                        compilation = compilation.ReplaceReference(reference, image.WithProperties(reference.Properties));
                    }
                }

                var referencesSolution = project.ProjectReferences.Any(r => needed.Contains(r.ProjectId));
                result.Add(new ProjectCompilation(project, compilation, ProjectOptions.For(project), referencesSolution));

                if (graph.GetProjectsThatDirectlyDependOnThisProject(id).Any(needed.Contains))
                {
                    var image = MetadataImage(compilation, project, problems);
                    if (image != null)
                    {
                        images[compilation.AssemblyName ?? project.AssemblyName] = image;
                    }
                }
            }

            return result;
        }

        /// <summary>Declarations only (no method bodies): cheap, and all a referencing compilation binds against.</summary>
        private static MetadataReference? MetadataImage(Compilation compilation, Project project, List<LoadProblem> problems)
        {
            using var stream = new MemoryStream();
            var emitted = compilation.Emit(stream, options: new EmitOptions(metadataOnly: true));
            if (!emitted.Success)
            {
                var first = emitted.Diagnostics.FirstOrDefault(d => d.Severity == DiagnosticSeverity.Error);
                problems.Add(new LoadProblem("analyse", project.FilePath, $"flows into {project.Name} from other projects are not followed: its declarations do not compile ({first})."));
                return null;
            }

            return MetadataReference.CreateFromImage(stream.ToArray(), filePath: project.OutputFilePath);
        }
    }
}
