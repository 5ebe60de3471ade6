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
        MethodSummary? GetSummary(IMethodSymbol method, int depth, out bool exact);

        /// <summary>Whether the method can produce generated content within the budget (the cheap relevance test).</summary>
        bool ReachesGeneration(IMethodSymbol method, int depth);
    }

    /// <summary>
    /// Where a host registers its provider for a compilation before running the analyzers on it. Nothing is registered in
    /// ordinary builds: the compiler runs the analyzers per project, and each project is on its own.
    /// </summary>
    internal static class ExternalSummaries
    {
        private static readonly ConditionalWeakTable<Compilation, IExternalSummaryProvider> Providers = new ConditionalWeakTable<Compilation, IExternalSummaryProvider>();

        public static void Register(Compilation compilation, IExternalSummaryProvider provider)
        {
            Providers.Remove(compilation);
            Providers.Add(compilation, provider);
        }

        public static IExternalSummaryProvider? For(Compilation compilation) =>
            Providers.TryGetValue(compilation, out var provider) ? provider : null;
    }
}
