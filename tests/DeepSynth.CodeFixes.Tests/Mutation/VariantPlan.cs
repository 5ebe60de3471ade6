using System.Collections.Immutable;
using DeepSynth.CodeFixes.Tests.Mutation.Mutators;

namespace DeepSynth.CodeFixes.Tests.Mutation;

/// <summary>One broken variant of real code: which file, broken how, and the number that makes it again.</summary>
public sealed record Variant(int Index, int Seed, MutationSubject Subject, Mutator Mutator, MutatedSource Mutation)
{
    public string Id => $"variant {Index} (seed {Seed}): {Mutator.Name} on {Subject.Name}: {Mutation.Description}";
}

/// <summary>
/// Numbers the variants: variant N breaks subject N mod S with a mutator that shifts by one every S variants (so the first
/// S x M variants pair every subject with every mutator once, whatever the counts), drawing from a Random seeded with
/// (seed, N) only. The same seed, inputs and N give the same variant on every machine and in any order or degree of
/// parallelism, which is what makes a reported failure replayable.
/// </summary>
public sealed class VariantPlan
{
    public const int DefaultSeed = 20250901;

    public VariantPlan(int seed, ImmutableArray<MutationSubject> subjects, ImmutableArray<Mutator> mutators)
    {
        Seed = seed;
        Subjects = subjects;
        Mutators = mutators;
    }

    public static ImmutableArray<Mutator> AllMutators { get; } =
    [
        new TruncateFile(),
        new DeleteToken(),
        new DeleteLines(),
        new SwapIdentifiers(),
        new DuplicateToken(),
        new InsertStrayPunctuation(),
        new DropReferences(),
    ];

    public int Seed { get; }

    public ImmutableArray<MutationSubject> Subjects { get; }

    public ImmutableArray<Mutator> Mutators { get; }

    /// <summary>The variant numbered <paramref name="index"/>, or null when its mutator finds nothing to break in its file.</summary>
    public Variant? Create(int index)
    {
        var subject = Subjects[index % Subjects.Length];
        var mutator = Mutators[(index + (index / Subjects.Length)) % Mutators.Length];
        var random = new Random(unchecked((Seed * 1_000_003) + index));
        var mutation = mutator.Mutate(subject.Text, random);
        return mutation == null ? null : new Variant(index, Seed, subject, mutator, mutation);
    }
}
