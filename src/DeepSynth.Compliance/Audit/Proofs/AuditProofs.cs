using System;
using System.IO;
using System.Text;

namespace DeepSynth.Compliance.Audit
{
    /// <summary>Builds inclusion and consistency proofs from a log folder, for checkpoints the log still matches.</summary>
    public static class AuditProofs
    {
        /// <exception cref="InvalidOperationException">The record is not covered by the checkpoint, was purged, or the log no longer matches the checkpoint.</exception>
        /// <exception cref="InvalidDataException">The log is damaged.</exception>
        public static AuditInclusionProof ProveInclusion(string directory, long sequence, AuditCheckpoint checkpoint)
        {
            var log = AuditMerkleLog.Load(directory, checkpoint.Log, sequence);
            var tree = Matching(log, checkpoint);
            if (sequence < 1 || sequence > checkpoint.Size || !log.Lines.TryGetValue(sequence, out var line))
            {
                throw new InvalidOperationException($"Record {sequence} is not among the retained records 1 to {checkpoint.Size} of this checkpoint (records 1 to {log.Purged.Count} were purged). 该记录不在检查点范围内。");
            }

            return new AuditInclusionProof(checkpoint, sequence, Encoding.UTF8.GetString(line), tree.InclusionPath(sequence - 1, checkpoint.Size));
        }

        /// <exception cref="InvalidOperationException">The checkpoints are out of order, reach behind a purge, or the log no longer matches them.</exception>
        public static AuditConsistencyProof ProveConsistency(string directory, AuditCheckpoint older, AuditCheckpoint newer)
        {
            if (older.Log != newer.Log || older.Size > newer.Size)
            {
                throw new InvalidOperationException("A consistency proof goes from an older, smaller checkpoint of a log to a newer one of the same log. 检查点顺序错误。");
            }

            var log = AuditMerkleLog.Load(directory, older.Log);
            Matching(log, older);
            var tree = Matching(log, newer);
            try
            {
                return new AuditConsistencyProof(older, newer, tree.ConsistencyPath(older.Size, newer.Size));
            }
            catch (ArgumentOutOfRangeException ex)
            {
                throw new InvalidOperationException(ex.Message, ex);
            }
        }

        /// <summary>The log's tree, provided it still hashes to what the checkpoint signed: never prove against a checkpoint the log fails.</summary>
        private static MerkleTree Matching(AuditMerkleLog log, AuditCheckpoint checkpoint)
        {
            var tree = log.Tree();
            if (checkpoint.Size > tree.Size)
            {
                throw new InvalidOperationException($"The checkpoint covers {checkpoint.Size} records; the log holds {tree.Size}: records were cut off the end. 日志被截断。");
            }

            if (checkpoint.Size < tree.PurgedCount)
            {
                throw new InvalidOperationException($"The checkpoint covers {checkpoint.Size} records, all purged after retention (records 1 to {tree.PurgedCount}). 检查点范围内的记录已按保存期限清除。");
            }

            if (Hex.Lower(tree.Root(checkpoint.Size)) != checkpoint.RootHash)
            {
                throw new InvalidOperationException($"The log's first {checkpoint.Size} records do not hash to the checkpoint's root: run 'deepsynth audit verify'. 日志与检查点不符。");
            }

            return tree;
        }
    }
}
