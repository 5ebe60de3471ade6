using System.Collections.Generic;

namespace DeepSynth.Compliance.Audit
{
    /// <summary>The outcome of checking an audit log folder.</summary>
    public sealed class AuditVerificationResult
    {
        internal AuditVerificationResult(long recordCount, IReadOnlyList<string> files, AuditChainBreak? firstBreak, IReadOnlyList<string> notes, IReadOnlyDictionary<string, string> heads)
        {
            RecordCount = recordCount;
            Files = files;
            FirstBreak = firstBreak;
            Notes = notes;
            Heads = heads;
        }

        /// <summary>True when every record is unchanged, none is missing and all are in order.</summary>
        public bool IsIntact => FirstBreak is null;

        public long RecordCount { get; }

        public IReadOnlyList<string> Files { get; }

        /// <summary>The first record where the chain breaks, or <c>null</c>.</summary>
        public AuditChainBreak? FirstBreak { get; }

        /// <summary>Things worth knowing that do not break the chain (an uncommitted torn tail, purged files).</summary>
        public IReadOnlyList<string> Notes { get; }

        /// <summary>
        /// The hash of the last record of each log (by file prefix). Store it elsewhere (a ticket, a notary): the chain
        /// proves order and integrity, and an outside copy of the head also proves nothing was cut off the end.
        /// </summary>
        public IReadOnlyDictionary<string, string> Heads { get; }
    }

    /// <summary>Where and why an audit chain is broken.</summary>
    public sealed class AuditChainBreak
    {
        internal AuditChainBreak(string file, int line, long? sequence, string reason)
        {
            File = file;
            Line = line;
            Sequence = sequence;
            Reason = reason;
        }

        public string File { get; }

        /// <summary>1-based line number in <see cref="File"/>.</summary>
        public int Line { get; }

        /// <summary>The record's sequence number, when it could be read.</summary>
        public long? Sequence { get; }

        public string Reason { get; }

        public override string ToString() => $"{File}:{Line}{(Sequence is null ? string.Empty : $" (seq {Sequence})")}: {Reason}";
    }
}
