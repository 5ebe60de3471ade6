using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace DeepSynth.CodeFixes.Tests.Mutation.Mutators;

/// <summary>
/// One way of breaking code the way it is broken in an editor or a half-finished build: the new text of the file (or the
/// same text with references taken away), and a description precise enough to redo it by hand.
/// </summary>
public sealed record MutatedSource(string Description, string Text, ImmutableArray<MetadataReference> RemovedReferences)
{
    public static MutatedSource OfText(string description, string text) => new(description, text, ImmutableArray<MetadataReference>.Empty);
}

/// <summary>
/// Breaks one file. Mutators only draw from the <see cref="Random"/> they are given, so a variant is the same every time it
/// is made from the same seed and source.
/// </summary>
public abstract class Mutator
{
    public string Name => GetType().Name;

    /// <summary>The broken variant, or null when this file offers nothing to break this way (e.g. an empty file).</summary>
    public abstract MutatedSource? Mutate(string text, Random random);

    /// <summary>The tokens of the file (end of file excluded), the units most mutators work on.</summary>
    protected static IReadOnlyList<SyntaxToken> Tokens(string text) =>
        CSharpSyntaxTree.ParseText(text, CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Latest))
            .GetRoot()
            .DescendantTokens(descendIntoTrivia: false)
            .Where(t => !t.IsKind(SyntaxKind.EndOfFileToken) && t.Span.Length > 0)
            .ToList();

    /// <summary>"line:column" (1-based) of a position, for descriptions.</summary>
    protected static string Where(string text, int position)
    {
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < position && i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return $"{line}:{position - lineStart + 1}";
    }

    /// <summary>A token's text for a description, shortened so a long string literal does not flood the message.</summary>
    protected static string Show(string token) => token.Length <= 30 ? token : token.Substring(0, 27) + "...";
}
