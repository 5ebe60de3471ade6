using BenchmarkDotNet.Attributes;
using DeepSynth.Analyzers.Benchmarks.Generation;
using DeepSynth.Analyzers.Benchmarks.Measurement;
using Microsoft.CodeAnalysis;

namespace DeepSynth.Analyzers.Benchmarks;

/// <summary>
/// Whole compilation of a generated project with and without the DeepSynth analyzers, in the same process.
/// <c>Compile</c> is the baseline (bind, report and emit everything); <c>CompileWithDeepSynth</c> adds our analyzers, run
/// after emit rather than alongside it, so the ratio is an upper bound of what a command-line build pays (csc runs
/// analyzers concurrently with emit). The 2,000-file size exists for the scaling budget (2x size, at most 2x time).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 7)]
public class CompilationBenchmarks
{
    private GeneratedCompilation _project = null!;

    [Params(100, 500, 1000, 2000)]
    public int Files { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _project = GeneratedCompilation.For(new ProjectShape(Files));

        // Fail before measuring when the generated code does not compile or an analyzer fails on it.
        var compilation = _project.NewCompilation();
        GeneratedCompilation.Emit(compilation);
        GeneratedCompilation.Analyze(compilation, GeneratedCompilation.DeepSynthAnalyzers);
    }

    [Benchmark(Baseline = true)]
    public void Compile() => GeneratedCompilation.Emit(_project.NewCompilation());

    [Benchmark]
    public int CompileWithDeepSynth()
    {
        var compilation = _project.NewCompilation();
        GeneratedCompilation.Emit(compilation);
        return GeneratedCompilation.Analyze(compilation, GeneratedCompilation.DeepSynthAnalyzers).Length;
    }
}
