using DeepSynth.Cli.Analysis;
using DeepSynth.Cli.Findings;
using DeepSynth.Cli.Loading;

namespace DeepSynth.Cli.Tests.Solutions;

/// <summary>
/// One solution loaded and checked once for all the tests of its collection (MSBuildWorkspace loading is the slow part):
/// a service library (Generation), a web app publishing its stories as they are (Web), a compliant web app (SafeWeb), a
/// web app whose other package cannot be restored (Offline), and a project file MSBuild cannot read (Broken).
/// </summary>
public sealed class StoriesSolution : IAsyncLifetime
{
    private readonly RecordedProgress _progress = new();

    public TestSolution Files { get; } = new();

    public string SolutionPath { get; private set; } = string.Empty;

    internal LoadedSolution Loaded { get; private set; } = null!;

    internal SolutionCheckRun Run { get; private set; } = null!;

    internal CheckResult Result => Run.Result;

    public string Progress => _progress.ToString();

    public async Task InitializeAsync()
    {
        Files.AddProject("Generation", web: false, TestSolution.AiAbstractions,
            ("StoryWriter.cs", StorySources.StoryWriter), ("SafeStoryWriter.cs", StorySources.SafeStoryWriter), ("Annotations.cs", StorySources.Annotations));
        Files.AddProject("Web", web: true, TestSolution.ReferenceTo("Generation"), ("Program.cs", StorySources.UnsafeEndpoint));
        Files.AddProject("SafeWeb", web: true, TestSolution.ReferenceTo("Generation"), ("Program.cs", StorySources.SafeEndpoint));
        Files.AddProject("Offline", web: true, TestSolution.ReferenceTo("Generation") + StorySources.MissingPackage, ("Program.cs", StorySources.EndpointWithMissingPackage));
        Files.AddRawProject("Broken", """<Project Sdk="Microsoft.NET.Sdk"><PropertyGroup><TargetFramework>net10.0</TargetFramework></Project>""");
        SolutionPath = Files.WriteSolution("Stories");

        (Loaded, Run) = await SolutionArguments.LoadAndCheckAsync(SolutionPath, restore: true, _progress, CancellationToken.None);
    }

    internal IReadOnlyList<Finding> FindingsOf(string project, params string[] rules) =>
        Result.Findings.Where(f => f.Project.Name == project && (rules.Length == 0 || rules.Contains(f.RuleId))).ToList();

    public Task DisposeAsync()
    {
        Loaded?.Dispose();
        Files.Dispose();
        return Task.CompletedTask;
    }
}

[CollectionDefinition(Name)]
public sealed class StoriesCollection : ICollectionFixture<StoriesSolution>
{
    public const string Name = "Stories solution";
}
