using System;
using System.Collections.Generic;

namespace DeepSynth.Compliance.Audit
{
    /// <summary>
    /// The RFC 6962 tree over a log's records (leaf i is record i + 1), able to hash any subtree and build inclusion and
    /// consistency proofs. Records removed by a retention purge are represented by the purge's frontier: every subtree a
    /// proof about a retained record (or between trees at least that large) needs is either a frontier node or made of
    /// retained leaves.
    /// </summary>
    internal sealed class MerkleTree
    {
        private readonly long _purged;
        private readonly Dictionary<long, (long Size, byte[] Hash)> _purgedNodes = new Dictionary<long, (long, byte[])>();
        private readonly List<byte[]> _leaves;

        /// <param name="purged">The frontier of the records purged by retention (count 0 when none were).</param>
        /// <param name="retainedLeafHashes">Leaf hashes of the records after the purged ones, in order.</param>
        public MerkleTree(MerkleFrontier purged, List<byte[]> retainedLeafHashes)
        {
            _purged = purged.Count;
            _leaves = retainedLeafHashes;
            long start = 0;
            var sizes = MerkleFrontier.Sizes(purged.Count);
            for (var i = 0; i < sizes.Count; i++)
            {
                _purgedNodes[start] = (sizes[i], purged.Hashes[i]);
                start += sizes[i];
            }
        }

        public long Size => _purged + _leaves.Count;

        /// <summary>The first tree size every proof can reach back to: the number of purged records.</summary>
        public long PurgedCount => _purged;

        public byte[] Root(long size)
        {
            CheckSize(size);
            return size == 0 ? MerkleHash.Empty() : Subtree(0, size);
        }

        /// <summary>RFC 6962 PATH(m, D[n]): the sibling hashes from leaf <paramref name="index"/> up to the root.</summary>
        public List<byte[]> InclusionPath(long index, long size)
        {
            CheckSize(size);
            if (index < _purged || index >= size)
            {
                throw new ArgumentOutOfRangeException(nameof(index), $"Leaf {index} is not a retained leaf of a tree of {size} (leaves below {_purged} were purged).");
            }

            var path = new List<byte[]>();
            Path(index, 0, size, path);
            return path;
        }

        /// <summary>RFC 6962 PROOF(m, D[n]): proves the tree of <paramref name="older"/> leaves is a prefix of the tree of <paramref name="newer"/>.</summary>
        public List<byte[]> ConsistencyPath(long older, long newer)
        {
            CheckSize(newer);
            if (older < Math.Max(1, _purged) || older > newer)
            {
                throw new ArgumentOutOfRangeException(nameof(older), $"A consistency proof needs 0 < {Math.Max(1, _purged) - 1} < old size <= new size; got {older} and {newer}.");
            }

            var path = new List<byte[]>();
            if (older < newer)
            {
                SubProof(older, 0, newer, true, path);
            }

            return path;
        }

        private void Path(long index, long low, long high, List<byte[]> path)
        {
            if (high - low == 1)
            {
                return;
            }

            var k = MerkleHash.SplitPoint(high - low);
            if (index - low < k)
            {
                Path(index, low, low + k, path);
                path.Add(Subtree(low + k, high));
            }
            else
            {
                Path(index, low + k, high, path);
                path.Add(Subtree(low, low + k));
            }
        }

        private void SubProof(long m, long low, long high, bool complete, List<byte[]> path)
        {
            var n = high - low;
            if (m == n)
            {
                if (!complete)
                {
                    path.Add(Subtree(low, high));
                }

                return;
            }

            var k = MerkleHash.SplitPoint(n);
            if (m <= k)
            {
                SubProof(m, low, low + k, complete, path);
                path.Add(Subtree(low + k, high));
            }
            else
            {
                SubProof(m - k, low + k, high, false, path);
                path.Add(Subtree(low, low + k));
            }
        }

        private byte[] Subtree(long low, long high)
        {
            if (high <= _purged)
            {
                // Inside the purged prefix only the frontier nodes are known; the proofs never need any other.
                if (_purgedNodes.TryGetValue(low, out var node) && node.Size == high - low)
                {
                    return node.Hash;
                }

                if (high - low > 1 && _purgedNodes.ContainsKey(low))
                {
                    // The root of exactly the purged prefix: its frontier nodes folded, found by splitting.
                    var split = MerkleHash.SplitPoint(high - low);
                    return MerkleHash.Node(Subtree(low, low + split), Subtree(low + split, high));
                }

                throw new InvalidOperationException($"Records {low + 1} to {high} were purged; this proof reaches behind the retention purge.");
            }

            if (high - low == 1)
            {
                return _leaves[checked((int)(low - _purged))];
            }

            var k = MerkleHash.SplitPoint(high - low);
            return MerkleHash.Node(Subtree(low, low + k), Subtree(low + k, high));
        }

        private void CheckSize(long size)
        {
            if (size < 0 || size > Size)
            {
                throw new ArgumentOutOfRangeException(nameof(size), $"The log holds {Size} records, not {size}.");
            }
        }
    }
}
