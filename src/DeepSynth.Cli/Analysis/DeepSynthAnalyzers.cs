using System;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using DeepSynth.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DeepSynth.Cli.Analysis
{
    /// <summary>
    /// Every C# analyzer of the DeepSynth.Analyzers assembly, found the way a compiler finds them ([DiagnosticAnalyzer]),
    /// so the CLI reports what a build with the package reports, including analyzers added later.
    /// </summary>
    internal static class DeepSynthAnalyzers
    {
        private static readonly Lazy<ImmutableArray<Type>> Types = new Lazy<ImmutableArray<Type>>(() =>
            typeof(ContentFlowAnalyzer).Assembly.GetTypes()
                .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) &&
                            t.GetCustomAttribute<DiagnosticAnalyzerAttribute>()?.Languages.Contains(LanguageNames.CSharp) == true)
                .OrderBy(t => t.FullName, StringComparer.Ordinal)
                .ToImmutableArray());

        /// <summary>New instances (an analyzer may keep per-run state).</summary>
        public static ImmutableArray<DiagnosticAnalyzer> Create() =>
            Types.Value.Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!).ToImmutableArray();

        /// <summary>Every analyzer rule, from the rule table (the analyzers' SupportedDiagnostics derive from the same rows).</summary>
        public static ImmutableArray<DiagnosticDescriptor> Descriptors { get; } = DeepSynth.Analyzers.Rules.RuleDescriptors.All.ToImmutableArray();
    }
}
