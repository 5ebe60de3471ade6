using DeepSynth.Cli.Tests.Solutions;
using DeepSynth.TestSupport;

namespace DeepSynth.Cli.Tests;

/// <summary>fix on its own copy of a two-project solution whose web app uses the DeepSynth.Compliance SDK.</summary>
public sealed class FixCommandTests : IDisposable
{
    private readonly TestSolution _files = new();

    [Fact]
    public async Task Fix_applies_every_rule_to_a_cross_project_flow_writes_the_files_and_leaves_no_finding()
    {
        var compliance = RepositoryPaths.Combine("src", "DeepSynth.Compliance", "DeepSynth.Compliance.csproj");
        _files.AddProject("Generation", web: false, TestSolution.AiAbstractions, ("StoryWriter.cs", StorySources.StoryWriter));
        _files.AddProject("Web", web: true, TestSolution.ReferenceTo("Generation") + $"""<ProjectReference Include="{compliance}" />""", ("Program.cs", StorySources.UnsafeEndpoint));
        var solution = _files.WriteSolution("Stories");

        var (exit, output, error) = await CliRun.RunAsync("fix", solution);

        Assert.True(exit == 0, output + error);
        foreach (var rule in new[] { "DSYN004", "DSYN002", "DSYN003", "DSYN005", "DSYN001" })
        {
            Assert.Contains($"{rule}: 1 finding(s), 1 fixed, 0 left", output);
        }

        // The fixes land at the publish point in the web app; the library is untouched.
        var program = File.ReadAllText(_files.PathOf("Web/Program.cs"));
        Assert.Contains(".RequireRealName()", program);
        Assert.Contains("EnsureAllowedAsync(request.Topic", program);
        Assert.Contains("RecordAsync(", program);
        Assert.Contains("label.Label(", program);
        Assert.Equal(StorySources.StoryWriter, File.ReadAllText(_files.PathOf("Generation/StoryWriter.cs")));
    }

    public void Dispose() => _files.Dispose();
}
