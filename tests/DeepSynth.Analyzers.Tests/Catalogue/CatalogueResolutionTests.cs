using System.Reflection;
using DeepSynth.Analyzers.Catalogue;
using DeepSynth.Analyzers.Configuration;
using DeepSynth.TestSupport;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace DeepSynth.Analyzers.Tests.Catalogue;

/// <summary>Catalogue rows resolve against the real packages, alone and in the combinations real apps have.</summary>
public class CatalogueResolutionTests
{
    private const string StringPrompt = """
        using Microsoft.Extensions.AI;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;

        public static class Endpoints
        {
            public static void Map(WebApplication app) =>
                app.MapGet("/joke", async (IChatClient chat) => Results.Ok((await chat.GetResponseAsync("Tell a joke")).Text));
        }
        """;

    /// <summary>
    /// Microsoft.Agents.AI defines its own Microsoft.Extensions.AI.ChatClientExtensions: the metadata name is then
    /// ambiguous, and the string-prompt overloads of Microsoft.Extensions.AI must still be generation sources.
    /// </summary>
    [Fact]
    public async Task String_prompt_source_is_found_when_Microsoft_Agents_AI_defines_the_same_extension_class_name()
    {
        var compilation = WithAgentFramework(AnalyzerRunner.Compile([StringPrompt]));
        var definers = compilation.References.Select(compilation.GetAssemblyOrModuleSymbol).OfType<IAssemblySymbol>()
            .Where(a => a.GetTypeByMetadataName("Microsoft.Extensions.AI.ChatClientExtensions") != null).Select(a => a.Name).ToList();
        Assert.Equal(2, definers.Count);

        var run = await AnalyzerRunner.RunAsync(compilation, [new ContentFlowAnalyzer()]);

        Assert.Empty(run.Exceptions);
        Assert.Contains(run.Diagnostics, d => d.Id == "DSYN001");
    }

    [Fact]
    public async Task String_prompt_source_is_found_without_the_agent_framework()
    {
        var run = await AnalyzerRunner.RunAsync(AnalyzerRunner.Compile([StringPrompt]), [new ContentFlowAnalyzer()]);
        Assert.Contains(run.Diagnostics, d => d.Id == "DSYN001");
    }

    [Fact]
    public void Every_catalogue_type_resolves_against_the_packages_the_tests_reference()
    {
        var compilation = WithAgentFramework(AnalyzerRunner.Compile(["class C { }"]));
        var resolver = TypeResolver.For(compilation);
        var unresolved = KnownApis.AllTypeNames.Where(name => resolver.ResolveAll(name).IsEmpty).ToList();

        // Rows for SDKs whose packages the mirror does not serve (Discord.Net, Bot Framework) are kept but named here,
        // so a new unresolved row fails the test instead of silently resolving to nothing.
        Assert.True(KnownApis.RowsWithoutTestPackage.OrderBy(n => n, StringComparer.Ordinal).SequenceEqual(unresolved.OrderBy(n => n, StringComparer.Ordinal)), "unresolved: " + string.Join(", ", unresolved.OrderBy(n => n, StringComparer.Ordinal)));
    }

    private static CSharpCompilation WithAgentFramework(CSharpCompilation compilation)
    {
        var agents = typeof(Microsoft.Agents.AI.ChatClientAgent).Assembly;
        var paths = new[] { agents }.Concat(agents.GetReferencedAssemblies().Select(TryLoad).OfType<Assembly>())
            .Select(a => a.Location)
            .Where(l => l.Length > 0 && !compilation.References.OfType<PortableExecutableReference>().Any(r => Path.GetFileName(r.FilePath) == Path.GetFileName(l)))
            .Distinct();
        return compilation.AddReferences(paths.Select(p => MetadataReference.CreateFromFile(p)));
    }

    private static Assembly? TryLoad(AssemblyName name)
    {
        try
        {
            return Assembly.Load(name);
        }
        catch (Exception e) when (e is FileNotFoundException or FileLoadException)
        {
            return null;
        }
    }
}
