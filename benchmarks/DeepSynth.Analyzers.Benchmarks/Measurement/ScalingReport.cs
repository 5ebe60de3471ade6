using System.Globalization;
using DeepSynth.Analyzers.Benchmarks.Generation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DeepSynth.Analyzers.Benchmarks.Measurement;

/// <summary>
/// Whole-project figures the way <c>-p:ReportAnalyzer=true</c> reports them: the analyzer driver's execution time for our
/// analyzers (callbacks only, summed over threads) next to the compiler's own time for the same compilation, for
/// growing sizes and for projects that are all AI code or none. Each figure is the median of several fresh runs.
/// "Beyond operations-only" subtracts the wall time of an analyzer that only asks for every operation block, which real
/// builds already pay for the SDK's own analyzers: it is what adding DeepSynth costs such a build.
/// </summary>
public static class ScalingReport
{
    private sealed record Run(double CompileMs, double AnalyzerMs, double AnalysisWallMs, double BaselineWallMs, double AllocatedMb, int Findings);

    public static void Print(TextWriter output, int runs)
    {
        output.WriteLine("## Whole project (median of {0} runs; analyzer time = driver execution time of DeepSynth analyzers)", runs);
        output.WriteLine();
        output.WriteLine("| Files | AI share | Compile (ms) | DeepSynth analyzer (ms) | Analyzer / compile | Analysis wall (ms) | Operations-only analyzer wall (ms) | DeepSynth beyond it / compile | Analysis allocations (MB) | Findings |");
        output.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        var bySize = new Dictionary<int, Run>();
        foreach (var files in new[] { 100, 500, 1000, 2000 })
        {
            var run = Measure(new ProjectShape(files), runs);
            bySize[files] = run;
            WriteRow(output, files, 0.2, run);
        }

        foreach (var share in new[] { 0.0, 1.0 })
        {
            WriteRow(output, 500, share, Measure(new ProjectShape(500, AiShare: share), runs));
        }

        output.WriteLine();
        output.WriteLine("Scaling (time and allocations at 2x size; budget: at most 2x within 10%, i.e. <= 2.2):");
        foreach (var (small, large) in new[] { (500, 1000), (1000, 2000) })
        {
            output.WriteLine(
                "- {0} -> {1} files: analyzer time x{2}, allocations x{3}, compile time x{4}",
                small,
                large,
                Format(bySize[large].AnalyzerMs / bySize[small].AnalyzerMs, "0.00"),
                Format(bySize[large].AllocatedMb / bySize[small].AllocatedMb, "0.00"),
                Format(bySize[large].CompileMs / bySize[small].CompileMs, "0.00"));
        }

        output.WriteLine();
    }

    /// <summary>One row of the whole-project table: the quick check while working on the engine.</summary>
    public static void PrintOne(TextWriter output, int files, double share, int runs)
    {
        output.WriteLine("| Files | AI share | Compile (ms) | DeepSynth analyzer (ms) | Analyzer / compile | Analysis wall (ms) | Operations-only analyzer wall (ms) | DeepSynth beyond it / compile | Analysis allocations (MB) | Findings |");
        output.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        var project = GeneratedCompilation.For(new ProjectShape(files, AiShare: share));
        WriteRow(output, files, share, Stopwatches.MedianOf(runs, () => MeasureOnce(project), Combine));

        // Which analyzer the time goes to (one more run): where to look next.
        var result = GeneratedCompilation.WithAnalyzers(project.NewCompilation(), GeneratedCompilation.DeepSynthAnalyzers, logTime: true)
            .GetAnalysisResultAsync(CancellationToken.None).GetAwaiter().GetResult();
        output.WriteLine();
        foreach (var analyzer in GeneratedCompilation.DeepSynthAnalyzers.OrderByDescending(a => result.AnalyzerTelemetryInfo[a].ExecutionTime))
        {
            output.WriteLine("- {0}: {1} ms", analyzer.GetType().Name, Format(result.AnalyzerTelemetryInfo[analyzer].ExecutionTime.TotalMilliseconds, "0"));
        }
    }

    /// <summary>The constructed worst cases at a size and twice it: analyzer time must not grow faster than the code.</summary>
    public static void PrintWorstCases(TextWriter output, int runs, WorstCases.Shape? only = null)
    {
        output.WriteLine("## Worst cases (median of {0} runs; default bounds: call depth 8, at most 8 implementations per interface call)", runs);
        output.WriteLine();
        output.WriteLine("| Shape | Size | Compile (ms) | DeepSynth analyzer (ms) | Analyzer / compile | Analyzer time at 2x size | Analysis wall (ms) | Operations-only analyzer wall (ms) | Findings |");
        output.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var shape in Enum.GetValues<WorstCases.Shape>().Where(s => only == null || s == only))
        {
            Run? previous = null;
            foreach (var size in new[] { 500, 1000, 2000 })
            {
                var project = GeneratedCompilation.FromFiles($"{shape}{size}", WorstCases.Generate(shape, size));
                var run = Stopwatches.MedianOf(runs, () => MeasureOnce(project), Combine);
                output.WriteLine(
                    "| {0} | {1} | {2} | {3} | {4} | {5} | {6} | {7} | {8} |",
                    shape,
                    size,
                    Format(run.CompileMs, "0"),
                    Format(run.AnalyzerMs, "0"),
                    Format(run.AnalyzerMs / run.CompileMs, "0.0%"),
                    previous == null ? "" : "x" + Format(run.AnalyzerMs / previous.AnalyzerMs, "0.00"),
                    Format(run.AnalysisWallMs, "0"),
                    Format(run.BaselineWallMs, "0"),
                    run.Findings);
                previous = run;
            }
        }

        output.WriteLine();
    }

    private static void WriteRow(TextWriter output, int files, double share, Run run) =>
        output.WriteLine(
            "| {0} | {1} | {2} | {3} | {4} | {5} | {6} | {7} | {8} | {9} |",
            files,
            Format(share, "0%"),
            Format(run.CompileMs, "0"),
            Format(run.AnalyzerMs, "0"),
            Format(run.AnalyzerMs / run.CompileMs, "0.0%"),
            Format(run.AnalysisWallMs, "0"),
            Format(run.BaselineWallMs, "0"),
            Format((run.AnalysisWallMs - run.BaselineWallMs) / run.CompileMs, "0.0%"),
            Format(run.AllocatedMb, "0"),
            run.Findings);

    private static string Format(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);

    private static Run Measure(ProjectShape shape, int runs)
    {
        var project = GeneratedCompilation.For(shape);
        return Stopwatches.MedianOf(runs, () => MeasureOnce(project), Combine);
    }

    private static Run Combine(IReadOnlyList<Run> results) => new(
        Stopwatches.Median(results.Select(r => r.CompileMs)),
        Stopwatches.Median(results.Select(r => r.AnalyzerMs)),
        Stopwatches.Median(results.Select(r => r.AnalysisWallMs)),
        Stopwatches.Median(results.Select(r => r.BaselineWallMs)),
        Stopwatches.Median(results.Select(r => r.AllocatedMb)),
        results[0].Findings);

    private static Run MeasureOnce(GeneratedCompilation project)
    {
        var compileMs = Stopwatches.Milliseconds(() => GeneratedCompilation.Emit(project.NewCompilation()));
        var baselineWallMs = Stopwatches.Milliseconds(() => GeneratedCompilation.Analyze(project.NewCompilation(), OperationBaselineAnalyzer.Alone));

        var compilation = project.NewCompilation();
        var withAnalyzers = GeneratedCompilation.WithAnalyzers(compilation, GeneratedCompilation.DeepSynthAnalyzers, logTime: true);
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        AnalysisResult? result = null;
        var wallMs = Stopwatches.Milliseconds(() => result = withAnalyzers.GetAnalysisResultAsync(CancellationToken.None).GetAwaiter().GetResult());
        var allocatedMb = (GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / (1024.0 * 1024.0);

        var findings = GeneratedCompilation.EnsureNoFailure(result!.GetAllDiagnostics()).Length;
        var analyzerMs = GeneratedCompilation.DeepSynthAnalyzers.Sum(a => result.AnalyzerTelemetryInfo[a].ExecutionTime.TotalMilliseconds);
        return new Run(compileMs, analyzerMs, wallMs, baselineWallMs, allocatedMb, findings);
    }
}
