using Microsoft.CodeAnalysis;

namespace DeepSynth.CodeFixes.Tests.Mutation.Mutators;

/// <summary>One token removed: a missing parenthesis, brace, semicolon, keyword, operand or name.</summary>
public sealed class DeleteToken : TokenMutator
{
    protected override MutatedSource Mutate(string text, SyntaxToken token, Random random) =>
        MutatedSource.OfText($"deleted token '{Show(token.Text)}' at {Where(text, token.SpanStart)}", text.Remove(token.SpanStart, token.Span.Length));
}
