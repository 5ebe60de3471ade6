using System.Collections.Immutable;
using DeepSynth.TestSupport;
using Microsoft.CodeAnalysis;

namespace DeepSynth.CodeFixes.Tests.Mutation;

/// <summary>
/// The real C# the mutation tool breaks, read from the repository: the sample service (one multi-file project with its
/// manifest), a project of the publish surfaces (Razor generator output under its file names, gRPC, e-mail, hub
/// contexts: Mutation/Surfaces), every analyzer corpus case, every fix shape, and the inputs of the analyzer unit tests (harvested from their
/// raw strings, see <see cref="TestInputHarvester"/>). Ordered by name, so a variant number means the same thing on
/// every machine as long as the inputs do not change.
/// </summary>
public static class MutationInputs
{
    private static readonly Lazy<ImmutableArray<MutationSubject>> LazySubjects = new(Load);

    public static ImmutableArray<MutationSubject> Subjects => LazySubjects.Value;

    private static ImmutableArray<MutationSubject> Load()
    {
        var projects = new List<SourceProject> { Sample(), Surfaces() };
        projects.AddRange(SingleFiles("corpus", RepositoryPaths.Combine("tests", "DeepSynth.Analyzers.Corpus.Tests", "Cases")));
        projects.AddRange(SingleFiles("shapes", RepositoryPaths.Combine("tests", "DeepSynth.CodeFixes.Tests", "Shapes")));
        projects.AddRange(TestInputHarvester.Harvest(RepositoryPaths.Combine("tests", "DeepSynth.Analyzers.Tests")));
        return projects
            .SelectMany(p => p.MutableFiles.Select(f => new MutationSubject(p, f)))
            .OrderBy(s => s.Name, StringComparer.Ordinal)
            .ToImmutableArray();
    }

    private static SourceProject Sample()
    {
        var directory = RepositoryPaths.Combine("samples", "ChatService");
        var files = Directory.GetFiles(directory, "*.cs", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(directory, f).Replace('\\', '/'))
            .Where(f => !f.StartsWith("obj/", StringComparison.Ordinal) && !f.StartsWith("bin/", StringComparison.Ordinal))
            .ToImmutableArray();
        var sources = files.ToImmutableSortedDictionary(f => f, f => File.ReadAllText(Path.Combine(directory, f)), StringComparer.Ordinal)
            .Add("ImplicitUsings.g.cs", WebSdk.ImplicitUsings);
        var additional = new[] { "deepsynth.json", "legal/user-agreement.md" }
            .ToImmutableSortedDictionary(f => f, f => File.ReadAllText(Path.Combine(directory, f)), StringComparer.Ordinal);
        return new SourceProject("sample", sources, files.Sort(StringComparer.Ordinal), OutputKind.ConsoleApplication, additional);
    }

    /// <summary>
    /// The surfaces project: every file of Mutation/Surfaces under its relative path (so Components/Chat_razor.g.cs is
    /// Razor generator output to the analyzer), with the analyzer tests' global usings. The hand-written gRPC messages stay
    /// intact like other generated code; everything else may be broken.
    /// </summary>
    private static SourceProject Surfaces()
    {
        var directory = RepositoryPaths.Combine("tests", "DeepSynth.CodeFixes.Tests", "Mutation", "Surfaces");
        var files = Directory.GetFiles(directory, "*.cs", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(directory, f).Replace('\\', '/'))
            .ToImmutableArray();
        var sources = files.ToImmutableSortedDictionary(f => f, f => File.ReadAllText(Path.Combine(directory, f)), StringComparer.Ordinal)
            .Add("GlobalUsings.g.cs", AnalyzerVerifier<AnalyzerRunner.NoAnalyzer>.GlobalUsings);
        var mutable = files.Where(f => f != "Protos/WriterGrpc.cs").ToImmutableArray().Sort(StringComparer.Ordinal);
        return new SourceProject("surfaces", sources, mutable, OutputKind.DynamicallyLinkedLibrary, ImmutableSortedDictionary<string, string>.Empty);
    }

    /// <summary>Each file of a folder as a project of its own, with the Web SDK's implicit usings (corpus cases, fix shapes).</summary>
    private static IEnumerable<SourceProject> SingleFiles(string prefix, string directory) =>
        Directory.GetFiles(directory, "*.cs").Select(path =>
        {
            var name = Path.GetFileName(path);
            var text = File.ReadAllText(path);
            var sources = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, new Dictionary<string, string>
            {
                [name] = text,
                ["ImplicitUsings.g.cs"] = WebSdk.ImplicitUsings,
            });
            return new SourceProject($"{prefix}/{name}", sources, [name], SourceProject.KindOf(text), ImmutableSortedDictionary<string, string>.Empty);
        });
}
