using System.Collections.Immutable;
using DeepSynth.TestSupport;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DeepSynth.Analyzers.Tests.Manifest;

/// <summary>Code that does not compile and manifests that make no sense never make the analyzer throw.</summary>
public class ProjectDutiesRobustnessTests
{
    [Theory]
    [InlineData("{ \"complaints\": [ 1, 2 ], \"users\": null, \"securityAssessments\": { \"scope\": 1 }, \"roles\": \"provider\" }")]
    [InlineData("[ 1, 2, 3 ]")]
    [InlineData("{ \"algorithmFiling\": { \"number\": \"N\", \"displayedAt\": [ \"\", \"/\", \"../../../x\", \"C:\\\\x.html\", \"https://\" ] } }")]
    [InlineData("")]
    public async Task Broken_code_and_odd_manifests_give_diagnostics_not_exceptions(string manifest)
    {
        var compilation = AnalyzerRunner.Compile(new[]
        {
            """
            public class Site
            {
                [GeneratedContentSource] public string Draft( => "x";
                public void Map(WebApplication app) { app.MapGet(, () => 1); app.MapGroup(null!).MapPost("/x", () => 1); }
                [BiometricEditor] public byte[] Swap(byte[] a) => a;
                public void Use() { Swap(); new DeepSynth.Compliance.Audit.AuditLogOptions { RetentionDays = "ninety" }; }
            }
            [Route("[controller]/[action]")] public class BrokenController : ControllerBase { [HttpGet(null)] public void Get() { } }
            """,
        });
        var options = new AnalyzerOptions(ImmutableArray.Create<AdditionalText>(new InMemoryAdditionalText("/0/deepsynth.json", manifest)));

        var run = await AnalyzerRunner.RunAsync(compilation, new[] { new ProjectDutiesAnalyzer() }, options);

        Assert.Empty(run.Exceptions);
        Assert.DoesNotContain(run.Diagnostics, d => d.Id == "DSYN999");
    }
}
