using Microsoft.CodeAnalysis;

namespace DeepSynth.CodeFixes.Tests.Mutation.Mutators;

/// <summary>A mutator that breaks the file at one token drawn at random.</summary>
public abstract class TokenMutator : Mutator
{
    public sealed override MutatedSource? Mutate(string text, Random random)
    {
        var tokens = Tokens(text);
        return tokens.Count == 0 ? null : Mutate(text, tokens[random.Next(tokens.Count)], random);
    }

    protected abstract MutatedSource Mutate(string text, SyntaxToken token, Random random);
}
