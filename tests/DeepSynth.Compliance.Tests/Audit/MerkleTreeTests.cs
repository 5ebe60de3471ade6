using System.Security.Cryptography;
using System.Text;
using DeepSynth.Compliance.Audit;

namespace DeepSynth.Compliance.Tests.Audit;

/// <summary>
/// The Merkle tree against RFC 6962's definitions: the root equals the recursive MTH, every inclusion and consistency
/// proof of many tree sizes verifies, and any change to a proof, leaf, index or size is rejected.
/// </summary>
public class MerkleTreeTests
{
    private const int MaxSize = 40;

    [Fact]
    public void Hashes_are_the_rfc_6962_leaf_and_node_hashes()
    {
        var data = Encoding.ASCII.GetBytes("record");
        Assert.Equal(SHA256.HashData([0x00, .. data]), MerkleHash.Leaf(data));
        var (l, r) = (MerkleHash.Leaf([1]), MerkleHash.Leaf([2]));
        Assert.Equal(SHA256.HashData([0x01, .. l, .. r]), MerkleHash.Node(l, r));
        Assert.Equal(SHA256.HashData([]), new MerkleFrontier().Root());
    }

    [Fact]
    public void The_frontier_root_and_the_tree_root_equal_the_recursive_definition_for_every_size()
    {
        var leaves = Leaves(MaxSize);
        var frontier = new MerkleFrontier();
        var tree = new MerkleTree(new MerkleFrontier(), leaves);
        for (var n = 1; n <= MaxSize; n++)
        {
            frontier.Append(leaves[n - 1]);
            var expected = ReferenceRoot(leaves.Take(n).ToList());
            Assert.Equal(expected, frontier.Root());
            Assert.Equal(expected, tree.Root(n));
        }
    }

    [Fact]
    public void Every_leaf_of_every_tree_size_has_an_inclusion_proof_that_verifies()
    {
        var leaves = Leaves(MaxSize);
        var tree = new MerkleTree(new MerkleFrontier(), leaves);
        for (long n = 1; n <= MaxSize; n++)
        {
            var root = tree.Root(n);
            for (long m = 0; m < n; m++)
            {
                var path = tree.InclusionPath(m, n);
                Assert.True(MerkleProof.VerifyInclusion(m, n, leaves[(int)m], path, root), $"leaf {m} of {n}");
            }
        }
    }

    [Fact]
    public void Tampered_inclusion_proofs_are_rejected()
    {
        var leaves = Leaves(MaxSize);
        var tree = new MerkleTree(new MerkleFrontier(), leaves);
        for (long n = 2; n <= MaxSize; n++)
        {
            var root = tree.Root(n);
            for (long m = 0; m < n; m++)
            {
                var path = tree.InclusionPath(m, n);
                for (var i = 0; i < path.Count; i++)
                {
                    Assert.False(MerkleProof.VerifyInclusion(m, n, leaves[(int)m], Flip(path, i), root), $"flipped node {i}, leaf {m} of {n}");
                }

                Assert.False(MerkleProof.VerifyInclusion(m, n, leaves[(int)((m + 1) % n)], path, root), "another leaf");
                Assert.False(MerkleProof.VerifyInclusion((m + 1) % n, n, leaves[(int)m], path, root), "another index");
                Assert.False(MerkleProof.VerifyInclusion(m, n, leaves[(int)m], path.Take(path.Count - 1).ToList(), root), "a shortened path");
                Assert.False(MerkleProof.VerifyInclusion(m, n, leaves[(int)m], path.Append(root).ToList(), root), "a lengthened path");
                Assert.False(MerkleProof.VerifyInclusion(m, n, leaves[(int)m], path, tree.Root(n - 1)), "another root");
            }
        }
    }

    [Fact]
    public void Every_pair_of_tree_sizes_has_a_consistency_proof_that_verifies_and_tampering_is_rejected()
    {
        var leaves = Leaves(MaxSize);
        var tree = new MerkleTree(new MerkleFrontier(), leaves);
        for (long n = 1; n <= MaxSize; n++)
        {
            for (long m = 1; m <= n; m++)
            {
                var path = tree.ConsistencyPath(m, n);
                Assert.True(MerkleProof.VerifyConsistency(m, n, path, tree.Root(m), tree.Root(n)), $"{m} to {n}");
                for (var i = 0; i < path.Count; i++)
                {
                    Assert.False(MerkleProof.VerifyConsistency(m, n, Flip(path, i), tree.Root(m), tree.Root(n)), $"flipped node {i}, {m} to {n}");
                }

                if (m < n)
                {
                    Assert.False(MerkleProof.VerifyConsistency(m, n, path, tree.Root(m), tree.Root(n - 1)), $"wrong new root, {m} to {n}");
                    Assert.False(MerkleProof.VerifyConsistency(m, n, path, tree.Root(m - 1 == 0 ? n : m - 1), tree.Root(n)), $"wrong old root, {m} to {n}");
                    Assert.False(MerkleProof.VerifyConsistency(m, n, [], tree.Root(m), tree.Root(n)), "an empty path");
                }
            }
        }
    }

    [Fact]
    public void A_different_history_with_the_same_sizes_has_no_consistency_proof()
    {
        var leaves = Leaves(20);
        var rewritten = Leaves(20);
        rewritten[4] = MerkleHash.Leaf(Encoding.ASCII.GetBytes("forged"));
        var honest = new MerkleTree(new MerkleFrontier(), leaves);
        var forged = new MerkleTree(new MerkleFrontier(), rewritten);
        for (long m = 5; m < 20; m++)
        {
            // The forger proves its own tree consistent, but not with the root the honest checkpoint signed.
            Assert.False(MerkleProof.VerifyConsistency(m, 20, forged.ConsistencyPath(m, 20), honest.Root(m), forged.Root(20)));
        }
    }

    [Fact]
    public void A_tree_whose_prefix_was_purged_gives_the_same_roots_and_proofs_for_the_retained_leaves()
    {
        var leaves = Leaves(MaxSize);
        var full = new MerkleTree(new MerkleFrontier(), leaves);
        for (var purged = 1; purged < MaxSize; purged++)
        {
            var frontier = new MerkleFrontier();
            foreach (var leaf in leaves.Take(purged))
            {
                frontier.Append(leaf);
            }

            var restored = MerkleFrontier.FromHashes(purged, frontier.Hashes);
            var tree = new MerkleTree(restored, leaves.Skip(purged).ToList());
            for (long n = purged; n <= MaxSize; n++)
            {
                Assert.Equal(full.Root(n), tree.Root(n));
                for (long m = purged; m < n; m++)
                {
                    Assert.Equal(full.InclusionPath(m, n), tree.InclusionPath(m, n));
                }

                Assert.Equal(full.ConsistencyPath(purged, n), tree.ConsistencyPath(purged, n));
            }

            Assert.Throws<ArgumentOutOfRangeException>(() => tree.InclusionPath(purged - 1, MaxSize));
        }
    }

    private static List<byte[]> Leaves(int count) =>
        Enumerable.Range(0, count).Select(i => MerkleHash.Leaf(Encoding.ASCII.GetBytes("record " + i))).ToList();

    private static List<byte[]> Flip(List<byte[]> path, int index)
    {
        var copy = path.Select(p => (byte[])p.Clone()).ToList();
        copy[index][0] ^= 0x01;
        return copy;
    }

    /// <summary>RFC 6962 §2.1 MTH, written out directly.</summary>
    private static byte[] ReferenceRoot(List<byte[]> leafHashes)
    {
        if (leafHashes.Count == 1)
        {
            return leafHashes[0];
        }

        var k = 1;
        while (k * 2 < leafHashes.Count)
        {
            k *= 2;
        }

        return SHA256.HashData([0x01, .. ReferenceRoot(leafHashes.Take(k).ToList()), .. ReferenceRoot(leafHashes.Skip(k).ToList())]);
    }
}
