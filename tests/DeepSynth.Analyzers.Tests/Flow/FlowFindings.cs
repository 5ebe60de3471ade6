using DeepSynth.TestSupport;

namespace DeepSynth.Analyzers.Tests.Flow;

/// <summary>The flow findings of a source as "DSYN00n@line", lines counted in the source after its using lines, sorted.</summary>
internal static class FlowFindings
{
    public static async Task<List<string>> OfAsync(string usings, string source)
    {
        var usingLines = usings.Count(c => c == '\n');
        var compilation = AnalyzerRunner.Compile([usings + source, TestSteps.Source]);
        // A source that does not compile reports nothing: the test would pass for the wrong reason.
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error).Select(d => d.ToString()));
        var run = await AnalyzerRunner.RunAsync(compilation, [new ContentFlowAnalyzer()]);
        Assert.Empty(run.Exceptions);
        Assert.DoesNotContain(run.Diagnostics, d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error);
        return run.Diagnostics.Where(d => d.Id.StartsWith("DSYN00", StringComparison.Ordinal))
            .Select(d => $"{d.Id}@{d.Location.GetLineSpan().StartLinePosition.Line + 1 - usingLines}").Order(StringComparer.Ordinal).ToList();
    }
}
