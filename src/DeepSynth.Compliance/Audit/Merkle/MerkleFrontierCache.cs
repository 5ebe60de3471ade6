using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;

namespace DeepSynth.Compliance.Audit
{
    /// <summary>
    /// The Merkle frontier at the last checkpoint, kept in a small file next to the log (<c>.{prefix}.merkle</c>) so a
    /// writer that starts reads only the records after that checkpoint instead of the whole retained log. It is trusted
    /// only when it reproduces the root of the latest checkpoint signed with the log's own key; otherwise the writer
    /// rebuilds the tree from every record.
    /// </summary>
    internal static class MerkleFrontierCache
    {
        public static void Save(string directory, string prefix, MerkleFrontier frontier, string head)
        {
            var text = new StringBuilder()
                .Append(frontier.Count.ToString(CultureInfo.InvariantCulture)).Append('\n')
                .Append(head).Append('\n');
            foreach (var hash in frontier.Hashes)
            {
                text.Append(Hex.Lower(hash)).Append('\n');
            }

            File.WriteAllText(PathFor(directory, prefix), text.ToString());
        }

        /// <summary>The frontier of all <paramref name="lastSequence"/> records, or null when the cache cannot be trusted.</summary>
        public static MerkleFrontier? Resume(string directory, string prefix, long lastSequence, string lastHash, AuditPublicKey key, out long recordsRead)
        {
            recordsRead = 0;
            var (cached, head) = Read(directory, prefix);
            var checkpoint = AuditCheckpointFile.ReadLast(AuditLogFiles.CheckpointFile(directory, prefix));
            if (cached is null || checkpoint is null || checkpoint.Size != cached.Count || checkpoint.ChainHead != head
                || checkpoint.RootHash != Hex.Lower(cached.Root()) || !checkpoint.IsSignedBy(key) || cached.Count > lastSequence)
            {
                return null;
            }

            if (cached.Count == lastSequence)
            {
                return head == lastHash ? cached : null;
            }

            // The records after the checkpoint sit in the newest files: read backwards until the checkpoint's record.
            var later = new List<byte[]>();
            var files = AuditLogFiles.Find(directory, prefix);
            for (var f = files.Count - 1; f >= 0; f--)
            {
                var leaves = new List<byte[]>();
                var reachedCheckpoint = false;
                foreach (var line in AuditLogFiles.ReadLines(files[f].Path).Lines)
                {
                    recordsRead++;
                    var record = AuditLine.Parse(line, out _);
                    if (record is null)
                    {
                        return null;
                    }

                    if (record.Sequence == cached.Count)
                    {
                        reachedCheckpoint = record.Hash == head;
                        if (!reachedCheckpoint)
                        {
                            return null;
                        }
                    }
                    else if (record.Sequence > cached.Count)
                    {
                        leaves.Add(MerkleHash.Leaf(line));
                    }
                }

                later.InsertRange(0, leaves);
                if (reachedCheckpoint)
                {
                    var frontier = cached.Clone();
                    later.ForEach(frontier.Append);
                    return frontier.Count == lastSequence ? frontier : null;
                }
            }

            return null;
        }

        private static (MerkleFrontier? Frontier, string? Head) Read(string directory, string prefix)
        {
            try
            {
                var path = PathFor(directory, prefix);
                if (!File.Exists(path))
                {
                    return (null, null);
                }

                var lines = File.ReadAllLines(path);
                var size = long.Parse(lines[0], NumberStyles.None, CultureInfo.InvariantCulture);
                return (MerkleFrontier.FromHashes(size, lines.Skip(2).Select(AuditMerkleLog.HexBytes).ToList()), lines[1]);
            }
            catch (Exception ex) when (ex is FormatException or IndexOutOfRangeException or OverflowException or IOException)
            {
                return (null, null);
            }
        }

        private static string PathFor(string directory, string prefix) => Path.Combine(directory, "." + prefix + ".merkle");
    }
}
