using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace DeepSynth.Analyzers.Infrastructure
{
    /// <summary>
    /// A symbol's display name, formatted once per symbol object. The engine matches catalogue rows and attributes by full
    /// name on hot paths (every parameter, every attribute of every entry point); formatting the same name on each
    /// question was a measurable share of the analysis.
    /// </summary>
    internal static class SymbolNames
    {
        private static readonly ConditionalWeakTable<ISymbol, string> Names = new ConditionalWeakTable<ISymbol, string>();
        private static readonly ConditionalWeakTable<ISymbol, string>.CreateValueCallback Format = symbol => symbol.ToDisplayString();

        /// <summary>What <see cref="ISymbol.ToDisplayString(SymbolDisplayFormat?)"/> returns with the default format, e.g. "System.Threading.Tasks".</summary>
        public static string FullName(this ISymbol symbol) => Names.GetValue(symbol, Format);
    }
}
