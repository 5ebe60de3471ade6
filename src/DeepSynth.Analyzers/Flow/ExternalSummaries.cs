using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace DeepSynth.Analyzers.Flow
{
    /// <summary>
    /// Summaries of methods whose source is in another project of the same solution (a service library called by a web
    /// app). The compiler sees such a method as metadata; a host that has the whole solution (the deepsynth CLI) answers
    /// for it by running the engine on that project's compilation.
    /// </summary>
    internal interface IExternalSummaryProvider
    {
        /// <summary>The summary of <paramref name="method"/> (a metadata symbol of this compilation) at the given budget, or null.</summary>
        MethodSummary? GetSummary(IMethodSymbol method, int depth, System.Threading.CancellationToken cancellationToken, out bool exact);

        /// <summary>Whether the method can produce generated content within the budget (the cheap relevance test).</summary>
        bool ReachesGeneration(IMethodSymbol method, int depth, System.Threading.CancellationToken cancellationToken);

        /// <summary>
        /// Whether the provider answers for this method at all (it is declared in another project of the solution). Library
        /// and framework methods are not covered: the engine treats them as it does without a provider.
        /// </summary>
        bool Covers(IMethodSymbol method);
    }

    /// <summary>
    /// Where a host registers its provider for a compilation before running the analyzers on it. Nothing is registered in
    /// ordinary builds: the compiler runs the analyzers per project, and each project is on its own. The registration is
    /// keyed by the compilation's syntax trees, not the compilation object: the analyzer driver analyses a clone of the
    /// compilation it is given (<see cref="Microsoft.CodeAnalysis.Diagnostics.CompilationWithAnalyzers"/>), which shares them.
    /// </summary>
    internal static class ExternalSummaries
    {
        private static readonly ConditionalWeakTable<SyntaxTree, IExternalSummaryProvider> Providers = new ConditionalWeakTable<SyntaxTree, IExternalSummaryProvider>();

        public static void Register(Compilation compilation, IExternalSummaryProvider provider)
        {
            foreach (var tree in compilation.SyntaxTrees)
            {
                Providers.Remove(tree);
                Providers.Add(tree, provider);
            }
        }

        public static IExternalSummaryProvider? For(Compilation compilation)
        {
            foreach (var tree in compilation.SyntaxTrees)
            {
                return Providers.TryGetValue(tree, out var provider) ? provider : null;
            }

            return null;
        }
    }
}
