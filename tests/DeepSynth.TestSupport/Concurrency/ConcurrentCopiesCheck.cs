using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Text;

namespace DeepSynth.TestSupport.Concurrency;

/// <summary>
/// Analyses a test project together with renamed copies of its sources (<see cref="RenamedCopy"/>) with concurrent
/// execution, twice with the same analyzer instances, and checks that
/// <list type="bullet">
/// <item><description>every copy gets exactly the diagnostics of the original (ids, severities, messages, mapped spans,
/// additional locations, properties), so no finding depends on shared mutable state or on what else is analysed at the
/// same time;</description></item>
/// <item><description>both runs give the same diagnostics in the order the SARIF writer sorts them, and that order leaves
/// no tie between different diagnostics (which would let the analyzer's arbitrary output order through).</description></item>
/// </list>
/// Compiler errors are compared too, so a copy that does not compile like its original is reported, not silently passed.
/// </summary>
public static class ConcurrentCopiesCheck
{
    /// <summary>Copies of each file: two are enough for files to be analysed in parallel with each other and the original.</summary>
    public const int Copies = 2;

    public static async Task RunAsync(Project project, ImmutableArray<DiagnosticAnalyzer> analyzers, IVerifier verifier, CancellationToken cancellationToken)
    {
        var copies = new List<RenamedCopy>();
        var originals = new Dictionary<string, SourceText>(StringComparer.Ordinal);
        var withCopies = project;
        foreach (var document in project.Documents.ToList())
        {
            var path = document.FilePath ?? document.Name;
            var root = (CompilationUnitSyntax)(await document.GetSyntaxRootAsync(cancellationToken))!;
            originals[path] = await document.GetTextAsync(cancellationToken);
            for (var index = 1; index <= Copies; index++)
            {
                var copy = RenamedCopy.Create(root, path, index);
                if (copy == null)
                {
                    break;
                }

                copies.Add(copy);
                withCopies = withCopies.AddDocument(Path.GetFileName(copy.Path), copy.Text, document.Folders, copy.Path).Project;
            }
        }

        if (copies.Count == 0)
        {
            return;
        }

        var compilation = (await withCopies.GetCompilationAsync(cancellationToken))!;
        var ids = analyzers.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        var first = await AnalyzeAsync(compilation, analyzers, ids, withCopies.AnalyzerOptions, verifier, withCompilerErrors: true);
        var second = await AnalyzeAsync(compilation, analyzers, ids, withCopies.AnalyzerOptions, verifier, withCompilerErrors: false);

        VerifyCopiesMatchOriginal(first, new CopyShapes(copies, originals), verifier);
        VerifySameOrderedOutput(first.Where(d => ids.Contains(d.Id)).ToImmutableArray(), second, verifier);
    }

    /// <summary>The analyzers' diagnostics, with the compiler's errors when asked (to see that the copies compile like the original).</summary>
    private static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(Compilation compilation, ImmutableArray<DiagnosticAnalyzer> analyzers, IReadOnlySet<string> ids, AnalyzerOptions options, IVerifier verifier, bool withCompilerErrors)
    {
        var run = await AnalyzerRunner.RunAsync(compilation, analyzers, options, withCompilerDiagnostics: withCompilerErrors);
        verifier.True(run.Exceptions.IsEmpty, "Analyzer exceptions with concurrent copies:\n" + string.Join("\n", run.Exceptions));
        return run.Diagnostics
            .Where(d => !d.IsSuppressed && (ids.Contains(d.Id) || d.Severity == DiagnosticSeverity.Error))
            .ToImmutableArray();
    }

    private static void VerifyCopiesMatchOriginal(ImmutableArray<Diagnostic> diagnostics, CopyShapes shapes, IVerifier verifier)
    {
        var byCopy = diagnostics
            .Select(d => (Copy: shapes.CopyOf(d.Location), Diagnostic: d))
            .Where(d => d.Copy != CopyShapes.Shared)
            .ToLookup(d => d.Copy, d => shapes.Render(d.Diagnostic, d.Copy));
        var original = byCopy[0].Order(StringComparer.Ordinal).ToList();
        for (var copy = 1; copy <= Copies; copy++)
        {
            var renamed = byCopy[copy].Order(StringComparer.Ordinal).ToList();
            if (!original.SequenceEqual(renamed))
            {
                verifier.Fail(
                    $"Copy {copy} of the sources (namespace {RenamedCopy.NamespaceOf(copy)}), analysed at the same time as the original, got other diagnostics " +
                    "(shared state or order dependence in the analyzer; if the test cannot be copied, call SkipConcurrentCopies with the reason).\n" +
                    "Only in the original:\n    " + string.Join("\n    ", original.Except(renamed)) + "\n" +
                    "Only in the copy:\n    " + string.Join("\n    ", renamed.Except(original)));
            }
        }
    }

    private static void VerifySameOrderedOutput(ImmutableArray<Diagnostic> first, ImmutableArray<Diagnostic> second, IVerifier verifier)
    {
        var firstOrdered = InReportOrder(first);
        var secondOrdered = InReportOrder(second);
        var difference = Determinism.FirstDifference(firstOrdered.Select(d => d.Full).ToList(), secondOrdered.Select(d => d.Full).ToList());
        verifier.True(difference == null,
            $"A second analysis of the same compilation gave other diagnostics, or another order once sorted as the SARIF writer sorts, at {difference}");

        var ties = firstOrdered.Zip(firstOrdered.Skip(1)).Where(p => p.First.Key == p.Second.Key && p.First.Full != p.Second.Full).ToList();
        verifier.True(ties.Count == 0,
            "Diagnostics that the SARIF order (file, line, column, rule, message) cannot tell apart, so their order in reports depends on the analyzer's:\n    " +
            string.Join("\n    ", ties.Select(t => t.First.Full + "\n    " + t.Second.Full)));
    }

    /// <summary>Sorted by what the CLI's SARIF writer sorts by (FindingFactory): file, line, column, rule, message.</summary>
    private static List<(string Key, string Full)> InReportOrder(ImmutableArray<Diagnostic> diagnostics) => diagnostics
        .Select(d => (Diagnostic: d, Span: d.Location.GetLineSpan(), Message: d.GetMessage(CultureInfo.InvariantCulture)))
        .OrderBy(d => d.Span.Path ?? string.Empty, StringComparer.Ordinal)
        .ThenBy(d => d.Span.StartLinePosition.Line)
        .ThenBy(d => d.Span.StartLinePosition.Character)
        .ThenBy(d => d.Diagnostic.Id, StringComparer.Ordinal)
        .ThenBy(d => d.Message, StringComparer.Ordinal)
        .Select(d =>
        {
            var key = $"{d.Span.Path}({d.Span.StartLinePosition}) {d.Diagnostic.Id} \"{d.Message}\"";
            var additional = string.Join(", ", d.Diagnostic.AdditionalLocations.Select(l => l.GetLineSpan().ToString()));
            var properties = string.Join(", ", d.Diagnostic.Properties.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + "=" + p.Value));
            return (Key: key, Full: $"{key} {d.Span} {d.Diagnostic.Severity} also [{additional}] {{{properties}}}");
        })
        .ToList();
}
