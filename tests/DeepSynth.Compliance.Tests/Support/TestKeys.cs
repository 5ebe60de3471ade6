namespace DeepSynth.Compliance.Tests.Support;

internal static class TestKeys
{
    /// <summary>A fixed 32-byte pseudonym key, so pseudonyms in tests are reproducible.</summary>
    public static readonly string PseudonymKey = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());

    /// <summary>A fixed ECDSA P-256 checkpoint key, shared by a crash-test child process and the test that checks its log.</summary>
    public static readonly string CheckpointPrivateKey = "ecdsa-p256-private:" + Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)(i * 7)).ToArray());
}
