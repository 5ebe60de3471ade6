using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace DeepSynth.CodeFixes.Tests.Mutation;

/// <summary>
/// Real code to break: the files of one project, the ones the mutation tool may break (generated usings stay intact), and
/// its additional files (the sample's deepsynth.json and user agreement, so the project-duties rules run too).
/// </summary>
public sealed record SourceProject(
    string Name,
    ImmutableSortedDictionary<string, string> Sources,
    ImmutableArray<string> MutableFiles,
    OutputKind OutputKind,
    ImmutableSortedDictionary<string, string> AdditionalFiles)
{
    /// <summary>The kind of output a single-file input asks for with a first line <c>// kind: program</c> (the corpus and fix-shape convention).</summary>
    public static OutputKind KindOf(string source) =>
        source.StartsWith("// kind: program", StringComparison.Ordinal) ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary;
}

/// <summary>One file of a project, the unit a variant breaks.</summary>
public sealed record MutationSubject(SourceProject Project, string File)
{
    public string Name => Project.MutableFiles.Length == 1 ? Project.Name : $"{Project.Name}/{File}";

    public string Text => Project.Sources[File];
}
