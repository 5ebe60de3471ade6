using System.Collections.Generic;
using System.Linq;

namespace DeepSynth.Compliance.Audit
{
    /// <summary>
    /// The verifiers of RFC 9162 §2.1.3.2 (inclusion) and §2.1.4.2 (consistency), step for step. They need only the
    /// proof, the leaf or the two roots, and the tree sizes; nothing from the log.
    /// </summary>
    internal static class MerkleProof
    {
        public static bool VerifyInclusion(long leafIndex, long treeSize, byte[] leafHash, IReadOnlyList<byte[]> path, byte[] root)
        {
            if (leafIndex < 0 || leafIndex >= treeSize)
            {
                return false;
            }

            var fn = leafIndex;
            var sn = treeSize - 1;
            var r = leafHash;
            foreach (var p in path)
            {
                if (sn == 0)
                {
                    return false;
                }

                if ((fn & 1) == 1 || fn == sn)
                {
                    r = MerkleHash.Node(p, r);
                    while ((fn & 1) == 0 && fn != 0)
                    {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
                else
                {
                    r = MerkleHash.Node(r, p);
                }

                fn >>= 1;
                sn >>= 1;
            }

            return sn == 0 && r.SequenceEqual(root);
        }

        public static bool VerifyConsistency(long first, long second, IReadOnlyList<byte[]> path, byte[] firstRoot, byte[] secondRoot)
        {
            if (first < 1 || first > second)
            {
                return false;
            }

            if (first == second)
            {
                return path.Count == 0 && firstRoot.SequenceEqual(secondRoot);
            }

            if (path.Count == 0)
            {
                return false;
            }

            var proof = new List<byte[]>(path);
            if ((first & (first - 1)) == 0)
            {
                proof.Insert(0, firstRoot);
            }

            var fn = first - 1;
            var sn = second - 1;
            while ((fn & 1) == 1)
            {
                fn >>= 1;
                sn >>= 1;
            }

            var fr = proof[0];
            var sr = proof[0];
            foreach (var c in proof.Skip(1))
            {
                if (sn == 0)
                {
                    return false;
                }

                if ((fn & 1) == 1 || fn == sn)
                {
                    fr = MerkleHash.Node(c, fr);
                    sr = MerkleHash.Node(c, sr);
                    while ((fn & 1) == 0 && fn != 0)
                    {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
                else
                {
                    sr = MerkleHash.Node(sr, c);
                }

                fn >>= 1;
                sn >>= 1;
            }

            return fr.SequenceEqual(firstRoot) && sr.SequenceEqual(secondRoot) && sn == 0;
        }
    }
}
