using System.Collections.Immutable;
using System.Reflection;
using DeepSynth.Analyzers;
using DeepSynth.CodeFixes.Fixes;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DeepSynth.CodeFixes.Tests.Mutation;

/// <summary>
/// Every analyzer and code fix the package ships, found by reflection the way the compiler and the IDE find them
/// (exported, concrete types), so a new analyzer or fix is under the mutation test without anyone adding it.
/// </summary>
public static class ProductUnderTest
{
    public static ImmutableArray<DiagnosticAnalyzer> Analyzers() =>
        Exported<DiagnosticAnalyzer, DiagnosticAnalyzerAttribute>(typeof(ContentFlowAnalyzer).Assembly);

    public static ImmutableArray<CodeFixProvider> CodeFixes() =>
        Exported<CodeFixProvider, ExportCodeFixProviderAttribute>(typeof(AddAigcLabelFixProvider).Assembly);

    private static ImmutableArray<T> Exported<T, TAttribute>(Assembly assembly)
        where TAttribute : Attribute =>
        assembly.GetTypes()
            .Where(t => typeof(T).IsAssignableFrom(t) && !t.IsAbstract && t.GetCustomAttribute<TAttribute>() != null)
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (T)Activator.CreateInstance(t)!)
            .ToImmutableArray();
}
