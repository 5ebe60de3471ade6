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

    /// <summary>
    /// The expected findings of a source marked up as for the verifier (<c>{|DSYN001:...|}</c>, nested) and its actual
    /// findings, for code whose stores the verifier's concurrent copies would share (a store read in one copy sees the
    /// writes of all three, so messages differ between copies).
    /// </summary>
    public static async Task<(List<string> Expected, List<string> Actual)> OfMarkupAsync(string usings, string markup)
    {
        var source = new System.Text.StringBuilder();
        var expected = new List<string>();
        var line = 1;
        for (var i = 0; i < markup.Length; i++)
        {
            if (markup[i] == '{' && i + 1 < markup.Length && markup[i + 1] == '|' && markup.IndexOf(':', i) is var colon and > 0)
            {
                expected.Add($"{markup.Substring(i + 2, colon - i - 2)}@{line}");
                i = colon;
            }
            else if (markup[i] == '|' && i + 1 < markup.Length && markup[i + 1] == '}')
            {
                i++;
            }
            else
            {
                line += markup[i] == '\n' ? 1 : 0;
                source.Append(markup[i]);
            }
        }

        return (expected.Order(StringComparer.Ordinal).ToList(), await OfAsync(usings, source.ToString()));
    }
}
