using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace DeepSynth.CodeFixes.Tests.Mutation.Mutators;

/// <summary>
/// Two different identifiers exchanged: calls to the wrong method, a type where a value belongs, a parameter used before it
/// exists, an argument of the wrong type. The code parses but binds badly.
/// </summary>
public sealed class SwapIdentifiers : Mutator
{
    public override MutatedSource? Mutate(string text, Random random)
    {
        var identifiers = Tokens(text).Where(t => t.IsKind(SyntaxKind.IdentifierToken)).ToList();
        if (identifiers.Select(t => t.Text).Distinct(StringComparer.Ordinal).Count() < 2)
        {
            return null;
        }

        var first = identifiers[random.Next(identifiers.Count)];
        var others = identifiers.Where(t => t.Text != first.Text).ToList();
        var second = others[random.Next(others.Count)];
        var (early, late) = first.SpanStart < second.SpanStart ? (first, second) : (second, first);

        // Replace the later one first so the earlier span stays valid.
        var swapped = text
            .Remove(late.SpanStart, late.Span.Length).Insert(late.SpanStart, early.Text)
            .Remove(early.SpanStart, early.Span.Length).Insert(early.SpanStart, late.Text);
        return MutatedSource.OfText(
            $"swapped identifiers '{early.Text}' at {Where(text, early.SpanStart)} and '{late.Text}' at {Where(text, late.SpanStart)}",
            swapped);
    }
}
