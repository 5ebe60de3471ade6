using DeepSynth.Analyzers;
using DeepSynth.CodeFixes.Fixes;
using DeepSynth.TestSupport;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace DeepSynth.CodeFixes.Tests;

/// <summary>The bundled sample, fixed with Fix All over the whole project for every rule: it still compiles and is compliant.</summary>
public class SampleFixTests
{
    [Fact]
    public async Task Fixing_every_rule_across_the_sample_leaves_no_finding_and_it_still_compiles()
    {
        var directory = RepositoryPaths.Combine("samples", "ChatService");
        var sources = Directory.GetFiles(directory, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .ToDictionary(f => Path.GetRelativePath(directory, f), File.ReadAllText);
        sources["ImplicitUsings.g.cs"] = WebSdk.ImplicitUsings;
        var project = CodeFixRunner.CreateProject(sources, OutputKind.ConsoleApplication);
        var analyzer = new ContentFlowAnalyzer();
        Assert.Equal(20, (await new CodeFixRunner(analyzer, new AddAigcLabelFixProvider()).AnalyzeAsync(project)).Count(d => d.Id.StartsWith("DSYN00", StringComparison.Ordinal)));

        var steps = new (string Rule, string Key, CodeFixProvider Fixer)[]
        {
            ("DSYN004", "DSYN004.Review", new ReviewInputFixProvider()),
            ("DSYN002", "DSYN002.Endpoint", new RequireRealNameFixProvider()),
            ("DSYN003", "DSYN003.Review", new ReviewOutputFixProvider()),
            ("DSYN005", "DSYN005.Record", new RecordGenerationFixProvider()),
            ("DSYN001", "DSYN001.Label", new AddAigcLabelFixProvider()),
        };
        foreach (var (rule, key, fixer) in steps)
        {
            project = await new CodeFixRunner(analyzer, fixer).FixAllAsync(project, rule, key, FixAllScope.Project);
        }

        var compilation = await project.GetCompilationAsync();
        Assert.Empty(compilation!.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()));
        var remaining = await new CodeFixRunner(analyzer, steps[0].Fixer).AnalyzeAsync(project);
        Assert.Empty(remaining.Where(d => d.Id.StartsWith("DSYN00", StringComparison.Ordinal)).Select(d => d.ToString()));
    }
}
