using DeepSynth.TestSupport;
using Xunit.Abstractions;

namespace DeepSynth.Analyzers.Tests.LabelConstants;

/// <summary>Recall and precision of DSYN010/DSYN011 on <see cref="HeldOutCases"/>, which were written before the rules were tuned.</summary>
public class HeldOutScoreTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Held_out_cases_score_at_least_the_issue_s_thresholds()
    {
        int truePositives = 0, falsePositives = 0, falseNegatives = 0;
        foreach (var @case in HeldOutCases.All)
        {
            var compilation = AnalyzerRunner.Compile(new[] { @case.Code });
            Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error).Select(d => @case.Name + ": " + d.GetMessage()));
            var run = await AnalyzerRunner.RunAsync(compilation, new Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer[] { new LabelTextAnalyzer(), new AigcMetadataAnalyzer() });
            Assert.Empty(run.Exceptions);
            var reported = run.Diagnostics.Select(d => d.Id).Distinct().ToList();
            var tp = @case.Expected.Count(reported.Contains);
            truePositives += tp;
            falseNegatives += @case.Expected.Length - tp;
            falsePositives += reported.Count(r => !@case.Expected.Contains(r));
            if (tp < @case.Expected.Length || reported.Any(r => !@case.Expected.Contains(r)))
            {
                output.WriteLine($"miss: {@case.Name}: expected [{string.Join(",", @case.Expected)}], reported [{string.Join(",", reported)}]");
            }
        }

        var recall = (double)truePositives / (truePositives + falseNegatives);
        var precision = truePositives + falsePositives == 0 ? 1 : (double)truePositives / (truePositives + falsePositives);
        output.WriteLine($"{HeldOutCases.All.Length} cases: TP {truePositives}, FP {falsePositives}, FN {falseNegatives}; recall {recall:F2}, precision {precision:F2}");
        Assert.True(recall >= 0.85, $"recall {recall:F2}");
        Assert.True(precision >= 0.90, $"precision {precision:F2}");
    }
}
