using System;
using System.Collections.Generic;
using System.Linq;

namespace DeepSynth.Compliance.Audit
{
    /// <summary>
    /// The right edge of a Merkle tree: one perfect subtree per set bit of the leaf count, largest first. It is all a
    /// writer needs to extend the tree and compute its root in O(log n), and all that must survive a retention purge for
    /// the retained records to stay provable.
    /// </summary>
    internal sealed class MerkleFrontier
    {
        private readonly List<(long Size, byte[] Hash)> _nodes = new List<(long, byte[])>();

        public long Count { get; private set; }

        /// <summary>The subtree hashes, largest (leftmost) first.</summary>
        public IReadOnlyList<byte[]> Hashes => _nodes.Select(n => n.Hash).ToList();

        /// <summary>Rebuilds the frontier of a tree of <paramref name="count"/> leaves from its subtree hashes.</summary>
        public static MerkleFrontier FromHashes(long count, IReadOnlyList<byte[]> hashes)
        {
            var sizes = Sizes(count);
            if (sizes.Count != hashes.Count || hashes.Any(h => h.Length != MerkleHash.Size))
            {
                throw new FormatException($"A tree of {count} leaves has {sizes.Count} frontier hashes of {MerkleHash.Size} bytes, not {hashes.Count}.");
            }

            var frontier = new MerkleFrontier { Count = count };
            for (var i = 0; i < sizes.Count; i++)
            {
                frontier._nodes.Add((sizes[i], hashes[i]));
            }

            return frontier;
        }

        /// <summary>The sizes of the perfect subtrees of a tree of <paramref name="count"/> leaves, largest first.</summary>
        public static List<long> Sizes(long count)
        {
            var sizes = new List<long>();
            for (var bit = 62; bit >= 0; bit--)
            {
                if ((count & (1L << bit)) != 0)
                {
                    sizes.Add(1L << bit);
                }
            }

            return sizes;
        }

        public MerkleFrontier Clone()
        {
            var copy = new MerkleFrontier { Count = Count };
            copy._nodes.AddRange(_nodes);
            return copy;
        }

        public void Append(byte[] leafHash)
        {
            var node = (Size: 1L, Hash: leafHash);
            while (_nodes.Count > 0 && _nodes[_nodes.Count - 1].Size == node.Size)
            {
                var left = _nodes[_nodes.Count - 1];
                _nodes.RemoveAt(_nodes.Count - 1);
                node = (left.Size * 2, MerkleHash.Node(left.Hash, node.Hash));
            }

            _nodes.Add(node);
            Count++;
        }

        /// <summary>The RFC 6962 tree head: the subtrees folded from the right.</summary>
        public byte[] Root()
        {
            if (_nodes.Count == 0)
            {
                return MerkleHash.Empty();
            }

            var root = _nodes[_nodes.Count - 1].Hash;
            for (var i = _nodes.Count - 2; i >= 0; i--)
            {
                root = MerkleHash.Node(_nodes[i].Hash, root);
            }

            return root;
        }
    }
}
