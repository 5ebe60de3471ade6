using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics;

namespace DeepSynth.CodeFixes.Tests.Mutation;

/// <summary>The outcome of checking a range of variants: counts per mutator, what the product did, and every failure.</summary>
public sealed record MutationReport(
    int Seed,
    int Files,
    int Requested,
    ImmutableArray<VariantResult> Results,
    int Skipped,
    TimeSpan Elapsed)
{
    public ImmutableArray<VariantResult> Failed => Results.Where(r => !r.Failures.IsEmpty).ToImmutableArray();

    /// <summary>One line for the log and the release note: variants per mutator, what ran, failures, time.</summary>
    public string Summary()
    {
        var perMutator = Results.GroupBy(r => r.Variant.Mutator.Name).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}");
        var slowest = Results.OrderByDescending(r => r.Elapsed).FirstOrDefault();
        var slowestText = slowest == null ? string.Empty : FormattableString.Invariant($"; slowest {slowest.Elapsed.TotalSeconds:0.00} s: variant {slowest.Variant.Index}");
        return FormattableString.Invariant(
            $"Mutation run (seed {Seed}): {Results.Length} variants of {Requested} requested, of {Files} files ({Skipped} had nothing to break) in {Elapsed.TotalSeconds:0.0} s [{string.Join(", ", perMutator)}]; {Results.Sum(r => r.Diagnostics)} diagnostics, {Results.Sum(r => r.FixesOffered)} fixes applied, {Results.Sum(r => r.FixAllRuns)} Fix All runs; {Failed.Length} failing variant(s){slowestText}");
    }

    /// <summary>The slowest variants, to spot an analysis that explodes on some broken shape before it becomes a hang.</summary>
    public string Slowest(int count) =>
        string.Join("\n", Results.OrderByDescending(r => r.Elapsed).Take(count).Select(r => FormattableString.Invariant($"{r.Elapsed.TotalSeconds:0.00} s, {r.Diagnostics} diagnostics, {r.FixesOffered} fixes: {r.Variant.Id}")));

    /// <summary>The failures, one block per variant, each naming the variant and how to replay it.</summary>
    public string FailureDetails(int max = 10) =>
        string.Join(
            "\n\n",
            Failed.OrderBy(r => r.Variant.Index).Take(max).Select(r =>
                $"{r.Variant.Id}\n  replay: {MutationSettings.ReplayCommand(r.Variant)}\n  " +
                string.Join("\n  ", r.Failures.Select(f => f.Replace("\n", "\n    ", StringComparison.Ordinal)))));
}

/// <summary>Checks variants two at a time (the CI machine has two cores; each analysis is concurrent inside too).</summary>
public static class MutationRun
{
    public static async Task<MutationReport> RunAsync(VariantPlan plan, VariantChecker checker, IReadOnlyCollection<int> indices)
    {
        var stopwatch = Stopwatch.StartNew();
        var results = new ConcurrentBag<VariantResult>();
        var skipped = 0;
        await Parallel.ForEachAsync(indices, new ParallelOptions { MaxDegreeOfParallelism = 2 }, async (index, _) =>
        {
            var variant = plan.Create(index);
            if (variant == null)
            {
                Interlocked.Increment(ref skipped);
                return;
            }

            results.Add(await checker.CheckAsync(variant));
        });
        return new MutationReport(plan.Seed, plan.Subjects.Length, indices.Count, results.OrderBy(r => r.Variant.Index).ToImmutableArray(), skipped, stopwatch.Elapsed);
    }
}
