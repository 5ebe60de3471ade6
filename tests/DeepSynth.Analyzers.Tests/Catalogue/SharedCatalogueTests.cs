using System.Collections.Immutable;
using DeepSynth.Analyzers.Catalogue;
using DeepSynth.Analyzers.Configuration;
using DeepSynth.TestSupport;
using Microsoft.CodeAnalysis;

namespace DeepSynth.Analyzers.Tests.Catalogue;

/// <summary>Both analyzers start on the same compilation: the catalogue is resolved once for them, never across configurations.</summary>
public class SharedCatalogueTests
{
    private const string Source = "public class Writer(IChatClient chat) { public async Task<string> Draft(string t) => (await chat.GetResponseAsync(t)).Text; }";

    [Fact]
    public void The_same_compilation_and_configuration_share_one_catalogue()
    {
        var compilation = AnalyzerRunner.Compile(new[] { Source });
        var configuration = Configuration("""{ "catalogue": { "sources": [ "Writer.Draft" ] } }""");

        var first = ApiCatalogue.Create(compilation, configuration, out var firstIssues);
        var second = ApiCatalogue.Create(compilation, Configuration("""{ "catalogue": { "sources": [ "Writer.Draft" ] } }"""), out var secondIssues);

        Assert.Same(first, second);
        Assert.Equal(firstIssues, secondIssues);
    }

    [Fact]
    public void Another_configuration_or_compilation_gets_its_own_catalogue()
    {
        var compilation = AnalyzerRunner.Compile(new[] { Source });
        var withSource = ApiCatalogue.Create(compilation, Configuration("""{ "catalogue": { "sources": [ "Writer.Draft" ] } }"""), out _);
        var without = ApiCatalogue.Create(compilation, DeepSynthConfiguration.None, out _);
        var otherCompilation = ApiCatalogue.Create(AnalyzerRunner.Compile(new[] { Source }), DeepSynthConfiguration.None, out _);

        Assert.NotSame(withSource, without);
        Assert.NotSame(without, otherCompilation);
        var draft = compilation.GetTypeByMetadataName("Writer")!.GetMembers("Draft").Single();
        Assert.Equal(ApiRoleKind.GenerationSource, withSource.GetRole(draft).Kind);
        Assert.NotEqual(ApiRoleKind.GenerationSource, without.GetRole(draft).Kind);
    }

    private static DeepSynthConfiguration Configuration(string json) =>
        DeepSynthConfiguration.Load(ImmutableArray.Create<AdditionalText>(new InMemoryAdditionalText("/0/deepsynth.json", json)), CancellationToken.None);
}
