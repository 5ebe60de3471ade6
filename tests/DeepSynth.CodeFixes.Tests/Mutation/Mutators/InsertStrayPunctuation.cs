using Microsoft.CodeAnalysis;

namespace DeepSynth.CodeFixes.Tests.Mutation.Mutators;

/// <summary>A stray character before a token: an unbalanced bracket or quote, a lone operator, a directive sign.</summary>
public sealed class InsertStrayPunctuation : TokenMutator
{
    private static readonly string[] Stray = ["(", ")", "{", "}", "[", "]", ";", ",", ".", "<", ">", "=", "?", ":", "\"", "'", "@", "$", "#", "=>", "!", "\"\"\"", "/*"];

    protected override MutatedSource Mutate(string text, SyntaxToken token, Random random)
    {
        var stray = Stray[random.Next(Stray.Length)];
        return MutatedSource.OfText($"inserted '{stray}' at {Where(text, token.SpanStart)}", text.Insert(token.SpanStart, stray));
    }
}
