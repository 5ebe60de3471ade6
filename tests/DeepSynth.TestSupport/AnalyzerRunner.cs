using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DeepSynth.TestSupport;

/// <summary>The result of running analyzers over a compilation: diagnostics, and analyzer exceptions (which must never happen).</summary>
public sealed record AnalyzerRun(ImmutableArray<Diagnostic> Diagnostics, ImmutableArray<Exception> Exceptions);

/// <summary>Runs analyzers directly on a compilation, for tests that look at more than the verifier's expected list (robustness, determinism).</summary>
public static class AnalyzerRunner
{
    public static CSharpCompilation Compile(IEnumerable<string> sources, OutputKind outputKind = OutputKind.DynamicallyLinkedLibrary)
    {
        var trees = sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Latest), path: $"Test{i}.cs")).ToList();
        trees.Add(CSharpSyntaxTree.ParseText(AnalyzerVerifier<NoAnalyzer>.GlobalUsings, path: "GlobalUsings.cs"));
        return CSharpCompilation.Create("Tests", trees, TestReferences.All, new CSharpCompilationOptions(outputKind, nullableContextOptions: NullableContextOptions.Enable));
    }

    /// <param name="withCompilerDiagnostics">Also return the compiler's diagnostics (found in the same pass).</param>
    public static async Task<AnalyzerRun> RunAsync(Compilation compilation, IEnumerable<DiagnosticAnalyzer> analyzers, AnalyzerOptions? options = null, bool withCompilerDiagnostics = false)
    {
        var exceptions = new List<Exception>();
        var withAnalyzers = compilation.WithAnalyzers(
            analyzers.ToImmutableArray(),
            new CompilationWithAnalyzersOptions(
                options ?? new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
                onAnalyzerException: (exception, _, _) => { lock (exceptions) { exceptions.Add(exception); } },
                concurrentAnalysis: true,
                logAnalyzerExecutionTime: false));
        var diagnostics = withCompilerDiagnostics ? await withAnalyzers.GetAllDiagnosticsAsync() : await withAnalyzers.GetAnalyzerDiagnosticsAsync();
        return new AnalyzerRun(diagnostics, exceptions.ToImmutableArray());
    }

    /// <summary>A placeholder analyzer type for the shared global usings.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class NoAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray<DiagnosticDescriptor>.Empty;

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
        }
    }
}
