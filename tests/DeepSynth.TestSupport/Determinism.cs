namespace DeepSynth.TestSupport;

/// <summary>Helpers for tests that an output is the same every time: where two outputs first differ, and reordered inputs.</summary>
public static class Determinism
{
    /// <summary>Null when the lines are equal, else the first line that differs, in both versions.</summary>
    public static string? FirstDifference(IReadOnlyList<string> expected, IReadOnlyList<string> actual)
    {
        var line = Enumerable.Range(0, Math.Max(expected.Count, actual.Count))
            .FirstOrDefault(i => i >= expected.Count || i >= actual.Count || expected[i] != actual[i], -1);
        return line < 0
            ? null
            : $"line {line + 1} of {expected.Count} then {actual.Count}:\n    {(line < expected.Count ? expected[line] : "(none)")}\n    {(line < actual.Count ? actual[line] : "(none)")}";
    }

    /// <summary>Null when the texts are equal, else the first line that differs.</summary>
    public static string? FirstDifference(string expected, string actual) => FirstDifference(expected.Split('\n'), actual.Split('\n'));

    /// <summary>The items in an order drawn from <paramref name="seed"/> (the same every run, so a failure reproduces).</summary>
    public static List<T> Shuffled<T>(IEnumerable<T> items, int seed)
    {
        var random = new Random(seed);
        return items.OrderBy(_ => random.Next()).ToList();
    }
}
