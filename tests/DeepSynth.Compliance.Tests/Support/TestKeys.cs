namespace DeepSynth.Compliance.Tests.Support;

internal static class TestKeys
{
    /// <summary>A fixed 32-byte pseudonym key, so pseudonyms in tests are reproducible.</summary>
    public static readonly string PseudonymKey = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());
}
