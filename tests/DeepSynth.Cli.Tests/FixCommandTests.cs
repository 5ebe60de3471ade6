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

    [Fact]
    public async Task Fix_exits_non_zero_and_says_where_and_why_when_a_finding_cannot_be_fixed()
    {
        var compliance = RepositoryPaths.Combine("src", "DeepSynth.Compliance", "DeepSynth.Compliance.csproj");
        // A helper built with `new` cannot take services through its constructor: no fix is offered for its finding.
        const string program = """
            using DeepSynth.Compliance;

            var composer = Factory.Create();
            composer.Run();

            public class Composer
            {
                [GeneratedContentSource] public string Compose() => "generated";
                [ContentPublisher] public void Post(string text) { }
                public void Run() => Post(Compose());
            }

            public static class Factory { public static Composer Create() => new Composer(); }
            """;
        _files.AddProject("App", web: false, $"""<ProjectReference Include="{compliance}" />""", ("Program.cs", program));
        var solution = _files.WriteSolution("Helpers");

        var (exit, output, error) = await CliRun.RunAsync("fix", solution, "--diagnostics", "DSYN005");

        Assert.True(exit == 1, output + error);
        Assert.Contains("DSYN005: 1 finding(s), 0 fixed, 1 left", output);
        Assert.Matches(@"left: \S*Program\.cs:\d+: no fix", output);
        Assert.Contains("no fix can be made safely here", output);
        Assert.Equal(program, File.ReadAllText(_files.PathOf("App/Program.cs")));
    }

    public void Dispose() => _files.Dispose();
}
