using System.Globalization;
using DeepSynth.Analyzers.Benchmarks.Generation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace DeepSynth.Analyzers.Benchmarks.Measurement;

/// <summary>
/// Per-document analysis as the IDE does it after an edit: the project's compilation with the edited document's tree
/// replaced, then that document's semantic diagnostics from our analyzers (<c>GetAnalyzerSemanticDiagnosticsAsync</c>).
/// Nothing semantic is warm: the catalogue and every summary the document needs are computed for it, the IDE's worst
/// case. The baseline is the compiler's own semantic diagnostics for the same document after the same edit.
/// </summary>
public static class DocumentSweep
{
    public static void Print(TextWriter output, int files, int documentsPerKind)
    {
        var project = GeneratedCompilation.For(new ProjectShape(files));
        var compilation = project.NewCompilation();
        _ = compilation.Assembly;
        output.WriteLine("## One document's semantic diagnostics, {0}-file project (after an edit to it; nothing semantic warm)", files);
        output.WriteLine();
        output.WriteLine("| Documents | Count | Analyzer median (ms) | p90 (ms) | max (ms) | Wall median (ms) | Compiler's own median (ms) |");
        output.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var usesAi in new[] { true, false })
        {
            var only = Environment.GetEnvironmentVariable("DOC_ONLY");
            var indexes = Enumerable.Range(0, project.Files.Count)
                .Where(i => project.Files[i].UsesAi == usesAi && project.Files[i].Path.StartsWith("Feature", StringComparison.Ordinal))
                .Where(i => only == null || project.Files[i].Path == only)
                .Take(documentsPerKind)
                .ToList();
            if (indexes.Count == 0)
            {
                continue;
            }

            if (only != null)
            {
                indexes = Enumerable.Repeat(indexes[0], documentsPerKind).ToList();
            }

            // One warm-up so JIT time is not charged to the first document.
            MeasureDocument(compilation, indexes[0]);
            var samples = indexes.Select(i => MeasureDocument(compilation, i)).ToList();
            if (Environment.GetEnvironmentVariable("DOC_SAMPLES") == "1")
            {
                Console.Error.WriteLine(string.Join(" ", indexes.Zip(samples, (i, s) => project.Files[i].Path + "=" + s.AnalyzerMs.ToString("0"))));
            }
            output.WriteLine(
                "| {0} | {1} | {2} | {3} | {4} | {5} | {6} |",
                usesAi ? "Using AI SDKs" : "Ordinary code",
                samples.Count,
                Format(Stopwatches.Median(samples.Select(s => s.AnalyzerMs))),
                Format(Stopwatches.Percentile(samples.Select(s => s.AnalyzerMs), 0.9)),
                Format(samples.Max(s => s.AnalyzerMs)),
                Format(Stopwatches.Median(samples.Select(s => s.WallMs))),
                Format(Stopwatches.Median(samples.Select(s => s.CompilerMs))));
        }

        output.WriteLine();
    }

    private static string Format(double value) => value.ToString("0.0", CultureInfo.InvariantCulture);

    private static (double AnalyzerMs, double WallMs, double CompilerMs) MeasureDocument(Compilation project, int index)
    {
        var baseline = AfterEditOf(project, index, out var editedForBaseline);
        var compilerMs = Stopwatches.Milliseconds(() => baseline.GetSemanticModel(editedForBaseline).GetDiagnostics());

        var compilation = AfterEditOf(project, index, out var edited);
        var withAnalyzers = GeneratedCompilation.WithAnalyzers(compilation, GeneratedCompilation.DeepSynthAnalyzers, logTime: true);
        var model = compilation.GetSemanticModel(edited);
        var wallMs = Stopwatches.Milliseconds(() =>
            GeneratedCompilation.EnsureNoFailure(withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(model, filterSpan: null, CancellationToken.None).GetAwaiter().GetResult()));
        var analyzerMs = GeneratedCompilation.DeepSynthAnalyzers.Sum(a =>
            withAnalyzers.GetAnalyzerTelemetryInfoAsync(a, CancellationToken.None).GetAwaiter().GetResult().ExecutionTime.TotalMilliseconds);
        return (analyzerMs, wallMs, compilerMs);
    }

    /// <summary>
    /// The compilation the IDE has after the user edits one document: the document's tree is new (parsed again), every
    /// other tree and the bound references are shared with the previous compilation, nothing semantic is.
    /// </summary>
    private static Compilation AfterEditOf(Compilation project, int index, out SyntaxTree edited)
    {
        var tree = project.SyntaxTrees.ElementAt(index);
        edited = CSharpSyntaxTree.ParseText(tree.GetText(), (CSharpParseOptions)tree.Options, tree.FilePath);
        return project.ReplaceSyntaxTree(tree, edited);
    }


}
