using System.Globalization;
using DeepSynth.Analyzers;
using DeepSynth.TestSupport;
using Microsoft.CodeAnalysis;
using Xunit.Abstractions;

namespace DeepSynth.CodeFixes.Tests;

/// <summary>
/// The fixes on code they were not written against: every case of the analyzer's evaluation corpus
/// (tests/DeepSynth.Analyzers.Corpus.Tests/Cases), Fix All per rule in the developer's order. No fix may break the build,
/// and at least <see cref="FixRateBar"/> of the DSYN001-DSYN005 findings must be gone afterwards.
/// </summary>
public class CorpusFixRateTests(ITestOutputHelper output)
{
    /// <summary>The share of findings the fixes must remove; set just under what they remove today, so a regression fails.</summary>
    private const double FixRateBar = 0.84;

    [Fact]
    public async Task Fixes_remove_most_findings_of_the_corpus_and_never_break_the_build()
    {
        var directory = RepositoryPaths.Combine("tests", "DeepSynth.Analyzers.Corpus.Tests", "Cases");
        int before = 0, after = 0;
        var broken = new List<string>();
        var left = new List<string>();
        foreach (var path in Directory.GetFiles(directory, "*.cs").OrderBy(p => p, StringComparer.Ordinal))
        {
            var source = await File.ReadAllTextAsync(path);
            var kind = source.StartsWith("// kind: program", StringComparison.OrdinalIgnoreCase) ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary;
            var name = Path.GetFileName(path);
            var project = CodeFixRunner.CreateProject(new Dictionary<string, string> { [name] = source, ["GlobalUsings.g.cs"] = WebSdk.ImplicitUsings }, kind);
            var errorsBefore = await ErrorsAsync(project);
            var analyzer = new CodeFixRunner(new ContentFlowAnalyzer(), FixShapeTests.Steps[0].Fixer);
            var findings = Findings(await analyzer.AnalyzeAsync(project)).Count;
            before += findings;
            foreach (var (rule, key, fixer) in FixShapeTests.Steps)
            {
                project = await new CodeFixRunner(new ContentFlowAnalyzer(), fixer).FixAllAsync(project, rule, key);
                var errors = (await ErrorsAsync(project)).Except(errorsBefore).ToList();
                if (errors.Count > 0)
                {
                    broken.Add($"{name} after {key}: {string.Join("; ", errors)}");
                    break;
                }
            }

            var remaining = Findings(await analyzer.AnalyzeAsync(project));
            after += remaining.Count;
            left.AddRange(remaining.Select(d => $"{name}:{d.Location.GetLineSpan().StartLinePosition.Line + 1} {d.Id}"));
        }

        var rate = before == 0 ? 0 : (before - after) / (double)before;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{before} findings, {before - after} fixed ({rate:P1}), {after} left; {broken.Count} broken builds"));
        output.WriteLine(string.Join(Environment.NewLine, left));
        Assert.True(broken.Count == 0, string.Join(Environment.NewLine, broken));
        Assert.True(rate >= FixRateBar, string.Create(CultureInfo.InvariantCulture, $"fixed {rate:P1} of {before}; left:{Environment.NewLine}{string.Join(Environment.NewLine, left)}"));
    }

    private static List<Diagnostic> Findings(IEnumerable<Diagnostic> diagnostics) =>
        diagnostics.Where(d => d.Id.StartsWith("DSYN00", StringComparison.Ordinal)).ToList();

    private static async Task<HashSet<string>> ErrorsAsync(Project project)
    {
        var compilation = await project.GetCompilationAsync();
        return compilation!.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.Id + ": " + d.GetMessage(CultureInfo.InvariantCulture)).ToHashSet();
    }
}
