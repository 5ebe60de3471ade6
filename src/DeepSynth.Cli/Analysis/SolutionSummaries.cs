using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using DeepSynth.Analyzers.Flow;
using Microsoft.CodeAnalysis;

namespace DeepSynth.Cli.Analysis
{
    /// <summary>
    /// Answers the engine's questions about methods of other projects in the solution (a web app calling its service
    /// library): the method, a metadata symbol in the caller's compilation, is found again in the compilation of the project
    /// that declares it, and that project's engine summarises it from source. The summary's locations are in that project's
    /// files, which is how a finding at a publish point in one project names its source in another.
    /// </summary>
    internal sealed class SolutionSummaries : IExternalSummaryProvider
    {
        private readonly Dictionary<string, ProjectCompilation> _byAssembly;
        private readonly ConcurrentDictionary<ProjectId, Lazy<FlowEngine>> _engines = new ConcurrentDictionary<ProjectId, Lazy<FlowEngine>>();
        private readonly CancellationToken _cancellationToken;

        public SolutionSummaries(IEnumerable<ProjectCompilation> projects, CancellationToken cancellationToken)
        {
            _cancellationToken = cancellationToken;
            _byAssembly = new Dictionary<string, ProjectCompilation>(StringComparer.Ordinal);
            foreach (var project in projects)
            {
                // A multi-targeting project appears once per framework; any of them summarises its methods.
                _byAssembly.TryAdd(project.Compilation.AssemblyName ?? project.Project.AssemblyName, project);
            }
        }

        /// <summary>
        /// The engine of a project, created once and shared: by the project's own whole-solution pass and by every other
        /// project asking about its methods, so each method is summarised once per depth.
        /// </summary>
        public FlowEngine EngineFor(ProjectCompilation project) =>
            _engines.GetOrAdd(project.Project.Id, _ => new Lazy<FlowEngine>(
                () => FlowEngine.Create(project.Compilation, project.Options, this, _cancellationToken),
                LazyThreadSafetyMode.ExecutionAndPublication)).Value;

        public MethodSummary? GetSummary(IMethodSymbol method, int depth, CancellationToken cancellationToken, out bool exact)
        {
            exact = true;
            var source = FindSource(method, out var engine);
            return source == null ? null : engine!.SummaryFor(source, depth, cancellationToken, out exact);
        }

        public bool ReachesGeneration(IMethodSymbol method, int depth, CancellationToken cancellationToken)
        {
            var source = FindSource(method, out var engine);
            return source != null && engine!.ReachesGeneration(source, depth, cancellationToken);
        }

        public bool Covers(IMethodSymbol method) =>
            method.OriginalDefinition.ContainingAssembly is { } assembly && _byAssembly.ContainsKey(assembly.Name);

        /// <summary>The declaration of a method of another solution project, in that project's compilation; null for other libraries.</summary>
        private IMethodSymbol? FindSource(IMethodSymbol method, out FlowEngine? engine)
        {
            engine = null;
            var definition = method.OriginalDefinition;
            if (definition.ContainingAssembly is not { } assembly || !_byAssembly.TryGetValue(assembly.Name, out var project))
            {
                return null;
            }

            var id = DocumentationCommentId.CreateDeclarationId(definition);
            if (id == null || DocumentationCommentId.GetFirstSymbolForDeclarationId(id, project.Compilation) is not IMethodSymbol source ||
                !source.Locations.Any(l => l.IsInSource))
            {
                return null;
            }

            engine = EngineFor(project);
            return source;
        }
    }
}
