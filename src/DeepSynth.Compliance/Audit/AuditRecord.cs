using System;
using System.Collections.Generic;

namespace DeepSynth.Compliance.Audit
{
    /// <summary>One committed line of the audit log.</summary>
    public sealed class AuditRecord
    {
        internal AuditRecord(long sequence, DateTimeOffset timestamp, string type, string? subject, IReadOnlyDictionary<string, string> data, string previousHash, string hash)
        {
            Sequence = sequence;
            Timestamp = timestamp;
            Type = type;
            Subject = subject;
            Data = data;
            PreviousHash = previousHash;
            Hash = hash;
        }

        /// <summary>1 for the first record ever written to the log, then +1 per record.</summary>
        public long Sequence { get; }

        public DateTimeOffset Timestamp { get; }

        /// <summary>"generation", "review", "consent-check", "unlabeled-export", "retention-purge", ...</summary>
        public string Type { get; }

        /// <summary>The user's pseudonym (keyed hash), never a raw identifier.</summary>
        public string? Subject { get; }

        public IReadOnlyDictionary<string, string> Data { get; }

        /// <summary>SHA-256 (hex) of the previous record; 64 zeros for the first.</summary>
        public string PreviousHash { get; }

        /// <summary>SHA-256 (hex) of this record's line without its hash field.</summary>
        public string Hash { get; }
    }
}
