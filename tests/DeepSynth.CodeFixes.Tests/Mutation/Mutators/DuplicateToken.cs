using Microsoft.CodeAnalysis;

namespace DeepSynth.CodeFixes.Tests.Mutation.Mutators;

/// <summary>A token written twice, as a slipped key or a bad paste does: `await await`, `((`, `return return`, `x x`.</summary>
public sealed class DuplicateToken : TokenMutator
{
    protected override MutatedSource Mutate(string text, SyntaxToken token, Random random) =>
        MutatedSource.OfText($"duplicated token '{Show(token.Text)}' at {Where(text, token.SpanStart)}", text.Insert(token.Span.End, " " + token.Text));
}
