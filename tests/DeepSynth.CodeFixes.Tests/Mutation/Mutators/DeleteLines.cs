namespace DeepSynth.CodeFixes.Tests.Mutation.Mutators;

/// <summary>One to three consecutive lines removed: a lost statement, attribute, member header or closing brace.</summary>
public sealed class DeleteLines : Mutator
{
    public override MutatedSource? Mutate(string text, Random random)
    {
        var lines = text.Split('\n');
        if (lines.Length < 2)
        {
            return null;
        }

        var first = random.Next(lines.Length);
        var count = Math.Min(1 + random.Next(3), lines.Length - first);
        var kept = lines.Take(first).Concat(lines.Skip(first + count));
        return MutatedSource.OfText($"deleted {count} line(s) from line {first + 1}", string.Join("\n", kept));
    }
}
