using System.Diagnostics;

namespace DeepSynth.Analyzers.Benchmarks.Measurement;

/// <summary>Small timing helpers for the reports that are sweeps rather than BenchmarkDotNet runs.</summary>
internal static class Stopwatches
{
    public static double Milliseconds(Action action)
    {
        var watch = Stopwatch.StartNew();
        action();
        return watch.Elapsed.TotalMilliseconds;
    }

    public static double Median(IEnumerable<double> values) => Percentile(values, 0.5);

    public static double Percentile(IEnumerable<double> values, double fraction)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        var position = fraction * (sorted.Length - 1);
        var lower = (int)Math.Floor(position);
        var upper = (int)Math.Ceiling(position);
        return sorted[lower] + ((sorted[upper] - sorted[lower]) * (position - lower));
    }

    /// <summary>Runs a measurement several times (after one warm-up) and returns the median of each component.</summary>
    public static T MedianOf<T>(int runs, Func<T> measure, Func<IReadOnlyList<T>, T> combine)
    {
        measure();
        var results = new List<T>(runs);
        for (var i = 0; i < runs; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            results.Add(measure());
        }

        return combine(results);
    }
}
