using System.Collections.Immutable;
using DeepSynth.Analyzers;
using DeepSynth.Cli.Findings;
using DeepSynth.Cli.Tests.Solutions;
using DeepSynth.Findings;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DeepSynth.Cli.Tests;

/// <summary>check on a real multi-project solution: flows across projects, the compliant variant, projects that fail.</summary>
[Collection(StoriesCollection.Name)]
public sealed class CrossProjectCheckTests
{
    private static readonly string[] FlowRules = { "DSYN001", "DSYN002", "DSYN003", "DSYN004", "DSYN005" };
    private readonly StoriesSolution _stories;

    public CrossProjectCheckTests(StoriesSolution stories) => _stories = stories;

    [Fact]
    public void Content_generated_in_the_library_is_reported_at_the_web_publish_point_with_its_source_in_the_library()
    {
        var published = _stories.FindingsOf("Web", "DSYN001", "DSYN002", "DSYN003", "DSYN005");

        Assert.Equal(new[] { "DSYN001", "DSYN002", "DSYN003", "DSYN005" }, published.Select(f => f.RuleId));
        foreach (var finding in published)
        {
            Assert.Equal(("Web/Program.cs", 4), (finding.At!.RelativePath, finding.At.StartLine));
            Assert.StartsWith("Results.Ok(", finding.At.LineText[(finding.At.StartColumn - 1)..]);
            var source = Assert.Single(finding.Related);
            Assert.Equal((RelatedRole.Source, "Generation/StoryWriter.cs", 9, true), (source.Role, source.Spot.RelativePath, source.Spot.StartLine, source.InOtherProject));
            Assert.True(finding.IsCrossProject);
        }
    }

    [Fact]
    public void User_input_that_the_library_passes_to_the_model_is_reported_at_the_call_in_the_web_app()
    {
        var input = Assert.Single(_stories.FindingsOf("Web", "DSYN004"));

        Assert.Equal(("Web/Program.cs", 4), (input.At!.RelativePath, input.At.StartLine));
        Assert.StartsWith("writer.WriteAsync(request.Topic)", input.At.LineText[(input.At.StartColumn - 1)..]);
        Assert.Contains(input.Related, r => r.Role == RelatedRole.PublishedInside && r.Spot.RelativePath == "Generation/StoryWriter.cs" && r.InOtherProject);
    }

    [Fact]
    public async Task The_analyzer_on_the_web_project_alone_does_not_see_that_flow()
    {
        // What a build of Web reports: the library's method is opaque metadata, so only the whole-solution check finds it.
        var web = _stories.Loaded.Solution.Projects.Single(p => p.Name == "Web");
        var compilation = (await web.GetCompilationAsync())!;
        var diagnostics = await compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new ContentFlowAnalyzer()), web.AnalyzerOptions).GetAnalyzerDiagnosticsAsync();

        Assert.DoesNotContain(diagnostics, d => FlowRules.Contains(d.Id));
        Assert.Contains("Analysing Web (", _stories.Progress);
        Assert.Contains("with whole-solution summaries", _stories.Progress);
    }

    [Fact]
    public void A_provider_without_the_platform_role_gets_no_upload_inspection_finding_from_the_whole_solution_pass()
    {
        // The echo on line 5 publishes the user's own text: a propagation platform's duty (DSYN012), not a provider's.
        Assert.Empty(_stories.FindingsOf("Web", "DSYN012"));
    }

    [Fact]
    public void The_compliant_web_app_and_the_library_have_no_content_flow_findings()
    {
        Assert.Empty(_stories.FindingsOf("SafeWeb", FlowRules));
        Assert.Empty(_stories.FindingsOf("Generation", FlowRules));
    }

    [Fact]
    public void A_project_that_cannot_be_loaded_is_reported_and_the_others_are_analysed()
    {
        Assert.Contains(_stories.Result.Problems, p => p.Stage == "load" && p.ProjectPath!.EndsWith(Path.Combine("Broken", "Broken.csproj")) && p.Message.Contains("could not be loaded"));

        Assert.Equal(new[] { "Generation", "Offline", "SafeWeb", "Web" }, _stories.Result.Projects.Select(p => p.Name).Order());
    }

    [Fact]
    public void A_project_whose_package_does_not_restore_is_reported_and_still_analysed()
    {
        Assert.Contains(_stories.Result.Problems, p => p.Stage == "restore" && p.ProjectPath!.EndsWith("Offline.csproj") && p.Message.Contains("NU1101"));
        Assert.Contains(_stories.Result.Problems, p => p.Stage == "compile" && p.ProjectPath!.EndsWith("Offline.csproj") && p.Message.Contains("NoSuchPackage"));

        // The code that does bind is analysed as usual, across projects.
        var finding = Assert.Single(_stories.FindingsOf("Offline", "DSYN001"));
        Assert.Equal(("Offline/Program.cs", 4), (finding.At!.RelativePath, finding.At.StartLine));
        Assert.True(finding.IsCrossProject);
    }

    [Fact]
    public void Fingerprints_are_the_shared_ones_relative_to_the_project_as_the_build_computes_them()
    {
        var finding = _stories.FindingsOf("Web", "DSYN001").Single();

        Assert.Equal("Program.cs", finding.Project.PathInProject);
        Assert.Equal(FindingFingerprint.Compute("DSYN001", "Program.cs", finding.At!.LineText, 0), finding.Fingerprint);
        Assert.Equal(_stories.Result.Findings.Count, _stories.Result.Findings.Select(f => f.RuleId + f.Fingerprint + f.Project.Name).Distinct().Count());
    }
}
