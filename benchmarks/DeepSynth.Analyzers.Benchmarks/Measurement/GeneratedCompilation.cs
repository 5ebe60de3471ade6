using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Reflection;
using DeepSynth.Analyzers.Benchmarks.Generation;
using DeepSynth.TestSupport;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DeepSynth.Analyzers.Benchmarks.Measurement;

/// <summary>
/// A generated project parsed once and compiled in memory against the real packages, plus every DeepSynth analyzer.
/// Parsing is shared across runs (as an IDE or incremental build shares unchanged trees); each run makes a fresh
/// compilation so nothing bound in one run is reused by the next.
/// </summary>
public sealed class GeneratedCompilation
{
    private static readonly ConcurrentDictionary<ProjectShape, GeneratedCompilation> Cache = new();

    private static readonly CSharpParseOptions ParseOptions = CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Latest);

    private GeneratedCompilation(ProjectShape shape, IReadOnlyList<GeneratedFile> files)
    {
        Shape = shape;
        Files = files;
        Trees = files.Select(f => CSharpSyntaxTree.ParseText(f.Text, ParseOptions, path: f.Path)).ToImmutableArray();
    }

    public ProjectShape Shape { get; }

    public IReadOnlyList<GeneratedFile> Files { get; }

    public ImmutableArray<SyntaxTree> Trees { get; }

    /// <summary>Every analyzer the DeepSynth package ships, found by reflection so new analyzers are measured too.</summary>
    public static ImmutableArray<DiagnosticAnalyzer> DeepSynthAnalyzers { get; } = typeof(ContentFlowAnalyzer).Assembly.GetTypes()
        .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() != null)
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
        .ToImmutableArray();

    public static GeneratedCompilation For(ProjectShape shape) => Cache.GetOrAdd(shape, s => new GeneratedCompilation(s, ProjectGenerator.Generate(s)));

    public static GeneratedCompilation FromFiles(string name, IReadOnlyList<GeneratedFile> files) => new(new ProjectShape(files.Count, Seed: name.GetHashCode(StringComparison.Ordinal)), files);

    public CSharpCompilation NewCompilation() => CSharpCompilation.Create(
        "Generated",
        Trees,
        TestReferences.All,
        new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Disable, concurrentBuild: true));

    /// <summary>What the compiler does without analyzers: bind, report and emit every method.</summary>
    public static void Emit(Compilation compilation)
    {
        using var peStream = new MemoryStream();
        var result = compilation.Emit(peStream);
        if (!result.Success)
        {
            var first = result.Diagnostics.First(d => d.Severity == DiagnosticSeverity.Error);
            throw new InvalidOperationException("The generated project does not compile: " + first);
        }
    }

    /// <summary>The analyzers' diagnostics over the whole compilation; an analyzer failure (AD0001, DSYN999) fails the run.</summary>
    public static ImmutableArray<Diagnostic> Analyze(Compilation compilation, ImmutableArray<DiagnosticAnalyzer> analyzers) =>
        EnsureNoFailure(WithAnalyzers(compilation, analyzers, logTime: false).GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult());

    public static ImmutableArray<Diagnostic> EnsureNoFailure(ImmutableArray<Diagnostic> diagnostics)
    {
        var failure = diagnostics.FirstOrDefault(d => d.Id is "AD0001" or "DSYN999");
        return failure == null ? diagnostics : throw new InvalidOperationException("An analyzer failed: " + failure);
    }

    public static CompilationWithAnalyzers WithAnalyzers(Compilation compilation, ImmutableArray<DiagnosticAnalyzer> analyzers, bool logTime) =>
        compilation.WithAnalyzers(
            analyzers,
            new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
                onAnalyzerException: null,
                concurrentAnalysis: true,
                logAnalyzerExecutionTime: logTime));
}
