using System.Security.Cryptography;

namespace DeepSynth.Compliance.Audit
{
    /// <summary>
    /// RFC 6962 / RFC 9162 hashing: a leaf is SHA-256(0x00 || data), an interior node SHA-256(0x01 || left || right).
    /// The prefixes keep a leaf from ever being passed off as a node (second-preimage resistance).
    /// </summary>
    internal static class MerkleHash
    {
        public const int Size = 32;

        public static byte[] Leaf(byte[] data) => Hash(0x00, data, null);

        public static byte[] Node(byte[] left, byte[] right) => Hash(0x01, left, right);

        /// <summary>The root of the empty tree: SHA-256 of nothing.</summary>
        public static byte[] Empty()
        {
            using var sha = SHA256.Create();
            return sha.ComputeHash(new byte[0]);
        }

        /// <summary>The largest power of two strictly below <paramref name="n"/> (n &gt; 1): RFC 6962's split point.</summary>
        public static long SplitPoint(long n)
        {
            long k = 1;
            while (k << 1 < n)
            {
                k <<= 1;
            }

            return k;
        }

        private static byte[] Hash(byte prefix, byte[] first, byte[]? second)
        {
            var input = new byte[1 + first.Length + (second?.Length ?? 0)];
            input[0] = prefix;
            first.CopyTo(input, 1);
            second?.CopyTo(input, 1 + first.Length);
            using var sha = SHA256.Create();
            return sha.ComputeHash(input);
        }
    }
}
