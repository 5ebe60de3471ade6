using DeepSynth.Cli.Analysis;
using DeepSynth.Cli.Findings;
using DeepSynth.Cli.Loading;
using DeepSynth.Cli.Reports;
using DeepSynth.Cli.Tests.Solutions;
using DeepSynth.TestSupport;

namespace DeepSynth.Cli.Tests;

/// <summary>
/// `deepsynth check` writes the same bytes for the same code: a second check of the loaded solution, and the analyzers'
/// diagnostics in any order (they arrive as concurrent analysis finishes), give identical SARIF, JSON, Markdown and HTML.
/// The files carry no time stamps (the load and analysis times go to the console only), so nothing is left out.
/// </summary>
[Collection(StoriesCollection.Name)]
public sealed class ReportDeterminismTests
{
    private static readonly (string Name, Func<CheckResult, string> Render)[] Reports =
    [
        ("SARIF", SarifReport.Render),
        ("JSON", JsonReport.Render),
        ("Markdown", MarkdownReport.Render),
        ("HTML", HtmlReport.Render),
    ];

    private readonly StoriesSolution _stories;

    public ReportDeterminismTests(StoriesSolution stories) => _stories = stories;

    [Fact]
    public async Task A_second_check_of_the_solution_writes_identical_reports()
    {
        var again = await SolutionCheck.RunAsync(_stories.Loaded, TimeSpan.Zero, DeepSynth.Cli.Progress.StepProgress.Silent, CancellationToken.None);

        SameReports(_stories.Result, again.Result);
    }

    [Fact]
    public async Task Diagnostics_in_any_order_give_identical_reports()
    {
        var compilations = await SolutionCompilations.CreateAsync(_stories.Loaded.Solution, _stories.Loaded.Targets, new List<LoadProblem>(), CancellationToken.None);
        var diagnostics = compilations
            .Where(c => _stories.Run.ByProject.ContainsKey(c.Project.Id))
            .SelectMany(c => _stories.Run.ByProject[c.Project.Id].Select(d => new ProjectFinding(d, c.Project, c.Compilation)))
            .ToList();
        Assert.True(diagnostics.Count > 5, "the solution has findings to reorder");

        foreach (var order in new[] { Enumerable.Reverse(diagnostics).ToList(), Determinism.Shuffled(diagnostics, seed: 3), Determinism.Shuffled(diagnostics, seed: 17) })
        {
            SameReports(_stories.Result, _stories.Result.WithFindings(FindingFactory.Create(order, _stories.Loaded.Target.RootDirectory)));
        }
    }

    private static void SameReports(CheckResult expected, CheckResult actual)
    {
        foreach (var (name, render) in Reports)
        {
            var difference = Determinism.FirstDifference(render(expected), render(actual));
            Assert.True(difference == null, $"The {name} report differs at {difference}");
        }
    }
}
