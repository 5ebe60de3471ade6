using System.Globalization;

namespace DeepSynth.CodeFixes.Tests.Mutation;

/// <summary>
/// How many variants to run, read from the environment so the same test is the CI subset and the full run:
/// DEEPSYNTH_MUTATION_VARIANTS (count, default <see cref="CiVariants"/>), DEEPSYNTH_MUTATION_SEED (default
/// <see cref="VariantPlan.DefaultSeed"/>), DEEPSYNTH_MUTATION_VARIANT (replay that one variant only).
/// </summary>
public sealed record MutationSettings(int Seed, IReadOnlyCollection<int> Indices, bool IsReplay)
{
    /// <summary>
    /// The CI subset: every input file (137 today) once, a third of them twice, each mutator on about 28 files. About 70 s
    /// of CPU (measured: 71 s), so under 40 s on two idle cores.
    /// </summary>
    public const int CiVariants = 200;

    public const string VariantsVariable = "DEEPSYNTH_MUTATION_VARIANTS";
    public const string SeedVariable = "DEEPSYNTH_MUTATION_SEED";
    public const string ReplayVariable = "DEEPSYNTH_MUTATION_VARIANT";

    public static MutationSettings FromEnvironment()
    {
        var seed = Read(SeedVariable) ?? VariantPlan.DefaultSeed;
        if (Read(ReplayVariable) is { } replay)
        {
            return new MutationSettings(seed, [replay], IsReplay: true);
        }

        var count = Read(VariantsVariable) ?? CiVariants;
        return new MutationSettings(seed, Enumerable.Range(0, count).ToArray(), IsReplay: false);
    }

    public static string ReplayCommand(Variant variant) =>
        $"{SeedVariable}={variant.Seed} {ReplayVariable}={variant.Index} dotnet test tests/DeepSynth.CodeFixes.Tests --filter \"FullyQualifiedName~Mutation\"";

    private static int? Read(string variable) =>
        int.TryParse(Environment.GetEnvironmentVariable(variable), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;
}
