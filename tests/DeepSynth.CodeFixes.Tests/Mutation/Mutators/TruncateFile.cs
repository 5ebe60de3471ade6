namespace DeepSynth.CodeFixes.Tests.Mutation.Mutators;

/// <summary>The file as it is while being typed or after an interrupted save: everything after some position is gone.</summary>
public sealed class TruncateFile : Mutator
{
    public override MutatedSource? Mutate(string text, Random random)
    {
        if (text.Length == 0)
        {
            return null;
        }

        var length = random.Next(text.Length);
        return MutatedSource.OfText($"truncated at {Where(text, length)} (offset {length} of {text.Length})", text.Substring(0, length));
    }
}
