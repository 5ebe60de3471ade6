using System.Collections.Generic;

namespace DeepSynth.Compliance.Audit
{
    /// <summary>The outcome of checking an audit log folder.</summary>
    public sealed class AuditVerificationResult
    {
        internal AuditVerificationResult(long recordCount, IReadOnlyList<string> files, IReadOnlyList<AuditChainBreak> breaks, IReadOnlyList<string> notes, IReadOnlyDictionary<string, string> heads, int checkpointsMatched)
        {
            RecordCount = recordCount;
            Files = files;
            Breaks = breaks;
            Notes = notes;
            Heads = heads;
            CheckpointsMatched = checkpointsMatched;
        }

        /// <summary>True when every record is unchanged, none is missing, all are in order and every checkpoint matches.</summary>
        public bool IsIntact => Breaks.Count == 0;

        public long RecordCount { get; }

        public IReadOnlyList<string> Files { get; }

        /// <summary>The first problem found, or <c>null</c>.</summary>
        public AuditChainBreak? FirstBreak => Breaks.Count == 0 ? null : Breaks[0];

        /// <summary>
        /// Every problem found: at most one break of the hash chain per log (records after it cannot be trusted), then
        /// each checkpoint the log fails against and each damaged checkpoint.
        /// </summary>
        public IReadOnlyList<AuditChainBreak> Breaks { get; }

        /// <summary>Checkpoints whose Merkle root and chain head the log reproduced.</summary>
        public int CheckpointsMatched { get; }

        /// <summary>Things worth knowing that do not break the chain (an uncommitted torn tail, purged files).</summary>
        public IReadOnlyList<string> Notes { get; }

        /// <summary>
        /// The hash of the last record of each log (by file prefix). Signed checkpoints kept off the host are the
        /// stronger form of the same thing: they prove nothing was cut off the end.
        /// </summary>
        public IReadOnlyDictionary<string, string> Heads { get; }
    }

    /// <summary>What kind of damage a verification found.</summary>
    public enum AuditBreakKind
    {
        /// <summary>A record's bytes do not match its hash, or it no longer links to the record before it.</summary>
        Edited,

        /// <summary>Records are missing from the middle of the log.</summary>
        Removed,

        /// <summary>Records are all there but not in order.</summary>
        Reordered,

        /// <summary>A record appears twice or one was slipped in.</summary>
        Inserted,

        /// <summary>Records a checkpoint covers are missing from the end of the log.</summary>
        Truncated,

        /// <summary>The chain is consistent but differs from what a checkpoint signed: the log was rewritten.</summary>
        Rewritten,

        /// <summary>A line is not a record at all (not UTF-8, no hash, an unterminated line inside an older file).</summary>
        Damaged,

        /// <summary>A checkpoint is unreadable, or its signature is invalid or by another key.</summary>
        BadCheckpoint,
    }

    /// <summary>Where and why an audit log fails verification.</summary>
    public sealed class AuditChainBreak
    {
        internal AuditChainBreak(AuditBreakKind kind, string file, int line, long offset, long? sequence, string reason)
        {
            Kind = kind;
            File = file;
            Line = line;
            Offset = offset;
            Sequence = sequence;
            Reason = reason;
        }

        public AuditBreakKind Kind { get; }

        public string File { get; }

        /// <summary>1-based line number in <see cref="File"/>.</summary>
        public int Line { get; }

        /// <summary>Byte offset in <see cref="File"/> where that line starts (or where the missing records would).</summary>
        public long Offset { get; }

        /// <summary>The record's sequence number, when it could be read.</summary>
        public long? Sequence { get; }

        public string Reason { get; }

        public override string ToString() => $"{File}:{Line}{(Sequence is null ? string.Empty : $" (seq {Sequence})")} at byte {Offset}: {Kind}: {Reason}";
    }
}
