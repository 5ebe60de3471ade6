using BenchmarkDotNet.Attributes;
using DeepSynth.Analyzers.Benchmarks.Generation;
using DeepSynth.Analyzers.Benchmarks.Measurement;

namespace DeepSynth.Analyzers.Benchmarks;

/// <summary>
/// The worst shapes we could construct (deep call chains, huge methods, wide interfaces), at a size and twice that
/// size, with the default bounds in force. Compare each shape's two sizes: time must grow at most linearly.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 7)]
public class WorstCaseBenchmarks
{
    private GeneratedCompilation _project = null!;

    [Params(WorstCases.Shape.DeepCallChain, WorstCases.Shape.HugeMethod, WorstCases.Shape.WideInterface, WorstCases.Shape.WideEntityModel, WorstCases.Shape.RazorComponentTree)]
    public WorstCases.Shape Shape { get; set; }

    [Params(200, 400)]
    public int Size { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _project = GeneratedCompilation.FromFiles($"{Shape}{Size}", WorstCases.Generate(Shape, Size));
        var compilation = _project.NewCompilation();
        GeneratedCompilation.Emit(compilation);
        // A wide interface (more implementations than the engine's bound) is reported as unknown, not followed: no
        // finding there is the bound working. The other shapes must produce findings, or they measure nothing.
        if (Shape != WorstCases.Shape.WideInterface && GeneratedCompilation.Analyze(compilation, GeneratedCompilation.DeepSynthAnalyzers).IsEmpty)
        {
            throw new InvalidOperationException($"The {Shape} case must produce findings, or it measures nothing.");
        }
    }

    [Benchmark(Baseline = true)]
    public void Compile() => GeneratedCompilation.Emit(_project.NewCompilation());

    [Benchmark]
    public int Analyze() => GeneratedCompilation.Analyze(_project.NewCompilation(), GeneratedCompilation.DeepSynthAnalyzers).Length;
}
