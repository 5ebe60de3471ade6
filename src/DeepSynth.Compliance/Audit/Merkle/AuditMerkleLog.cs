using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;

namespace DeepSynth.Compliance.Audit
{
    /// <summary>
    /// The Merkle tree of a log folder as it stands on disk: the purge's frontier for records deleted by retention, and one
    /// leaf per retained record (the SHA-256 leaf hash of its line without the newline). Refuses a folder whose records
    /// do not follow one another: prove nothing about a log that does not verify.
    /// </summary>
    internal sealed class AuditMerkleLog
    {
        /// <summary>The data field of a retention-purge record holding the purged records' frontier (hex, comma-separated).</summary>
        public const string PurgedFrontierField = "purgedFrontier";

        private AuditMerkleLog(MerkleFrontier purged, List<byte[]> leaves, Dictionary<long, byte[]> wantedLines)
        {
            Purged = purged;
            Leaves = leaves;
            Lines = wantedLines;
        }

        public MerkleFrontier Purged { get; }

        public List<byte[]> Leaves { get; }

        /// <summary>The lines of the records asked for when loading, by sequence number.</summary>
        public IReadOnlyDictionary<long, byte[]> Lines { get; }

        public long Size => Purged.Count + Leaves.Count;

        public MerkleTree Tree() => new MerkleTree(Purged, Leaves);

        /// <summary>The frontier of the whole log: what a writer extends.</summary>
        public MerkleFrontier Frontier()
        {
            var frontier = Purged.Clone();
            foreach (var leaf in Leaves)
            {
                frontier.Append(leaf);
            }

            return frontier;
        }

        /// <exception cref="InvalidDataException">A record is damaged or out of sequence, or a purge left no frontier.</exception>
        public static AuditMerkleLog Load(string directory, string prefix, params long[] keepLines)
        {
            var leaves = new List<byte[]>();
            var wanted = new Dictionary<long, byte[]>();
            var purgeFrontiers = new Dictionary<long, string>();
            long first = 0;
            long expected = 0;
            foreach (var file in AuditLogFiles.Find(directory, prefix))
            {
                var (lines, _) = AuditLogFiles.ReadLinesAt(file.Path);
                foreach (var (bytes, offset) in lines)
                {
                    var record = AuditLine.Parse(bytes, out var problem);
                    if (record is null || (expected != 0 && record.Sequence != expected))
                    {
                        throw new InvalidDataException($"{file.Path} at byte {offset}: {problem ?? "records out of sequence"}; run 'deepsynth audit verify'. 日志记录损坏或顺序错误。");
                    }

                    if (expected == 0)
                    {
                        first = record.Sequence;
                    }

                    expected = record.Sequence + 1;
                    leaves.Add(MerkleHash.Leaf(bytes));
                    if (Array.IndexOf(keepLines, record.Sequence) >= 0)
                    {
                        wanted[record.Sequence] = bytes;
                    }

                    if (record.Type == HashChainedLog.PurgeType
                        && record.Data.TryGetValue("purgedThroughSeq", out var through)
                        && record.Data.TryGetValue(PurgedFrontierField, out var frontier))
                    {
                        purgeFrontiers[long.Parse(through, NumberStyles.None, CultureInfo.InvariantCulture)] = frontier;
                    }
                }
            }

            var purgedCount = first <= 1 ? 0 : first - 1;
            if (purgedCount == 0)
            {
                return new AuditMerkleLog(new MerkleFrontier(), leaves, wanted);
            }

            if (!purgeFrontiers.TryGetValue(purgedCount, out var text))
            {
                throw new InvalidDataException($"Records 1 to {purgedCount} are gone and no retention-purge record carries their Merkle frontier (purged by a version without checkpoints, or removed). 已清除记录缺少默克尔边界。");
            }

            return new AuditMerkleLog(ParseFrontier(purgedCount, text), leaves, wanted);
        }

        /// <summary>
        /// The frontier of the records before the oldest file on disk: empty when it starts at record 1, else the one the
        /// latest purge record carries (searched from the newest file back, where it usually is).
        /// </summary>
        /// <exception cref="InvalidDataException">Records are gone and no purge record carries their frontier.</exception>
        public static MerkleFrontier FrontierBefore(string directory, string prefix)
        {
            var files = AuditLogFiles.Find(directory, prefix);
            var first = files.Count == 0 ? null : AuditLogFiles.ReadLines(files[0].Path).Lines.FirstOrDefault();
            var firstRecord = first is null ? null : AuditLine.Parse(first, out _);
            if (firstRecord is null || firstRecord.Sequence == 1)
            {
                return new MerkleFrontier();
            }

            for (var f = files.Count - 1; f >= 0; f--)
            {
                var lines = AuditLogFiles.ReadLines(files[f].Path).Lines;
                for (var i = lines.Count - 1; i >= 0; i--)
                {
                    if (Encoding.UTF8.GetString(lines[i]).IndexOf(HashChainedLog.PurgeMarker, StringComparison.Ordinal) >= 0
                        && AuditLine.Parse(lines[i], out _) is { } purge
                        && purge.Data.TryGetValue("purgedThroughSeq", out var through) && through == (firstRecord.Sequence - 1).ToString(CultureInfo.InvariantCulture)
                        && purge.Data.TryGetValue(PurgedFrontierField, out var text))
                    {
                        return ParseFrontier(firstRecord.Sequence - 1, text);
                    }
                }
            }

            throw new InvalidDataException($"Records 1 to {firstRecord.Sequence - 1} are gone and no retention-purge record carries their Merkle frontier. 已清除记录缺少默克尔边界。");
        }

        public static string FormatFrontier(MerkleFrontier frontier) => string.Join(",", frontier.Hashes.Select(Hex.Lower));

        internal static MerkleFrontier ParseFrontier(long count, string text)
        {
            var hashes = text.Length == 0 ? new List<byte[]>() : text.Split(',').Select(HexBytes).ToList();
            return MerkleFrontier.FromHashes(count, hashes);
        }

        internal static byte[] HexBytes(string hex)
        {
            if (hex.Length % 2 != 0)
            {
                throw new FormatException("Odd-length hex.");
            }

            var bytes = new byte[hex.Length / 2];
            for (var i = 0; i < bytes.Length; i++)
            {
                bytes[i] = byte.Parse(hex.Substring(i * 2, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
            }

            return bytes;
        }
    }
}
