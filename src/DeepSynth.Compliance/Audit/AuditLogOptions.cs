using System;
using System.Collections.Generic;

namespace DeepSynth.Compliance.Audit
{
    /// <summary>Where and how the audit log is kept.</summary>
    public sealed class AuditLogOptions
    {
        /// <summary>The least retention the law allows: network logs are kept at least six months (CSL Art. 21(3)).</summary>
        public const int MinimumRetentionDays = 180;

        /// <summary>The folder of the daily <c>audit-YYYY-MM-DD.jsonl</c> files. Required.</summary>
        public string? Directory { get; set; }

        /// <summary>Days a daily file is kept; at least 180, and a shorter value is a configuration error. Default 180.</summary>
        public int RetentionDays { get; set; } = MinimumRetentionDays;

        /// <summary>
        /// Base64 key (at least 32 bytes) for the keyed hash that turns user ids into pseudonyms. Keep it secret and stable:
        /// a new key makes new pseudonyms. Required.
        /// </summary>
        public string? PseudonymKey { get; set; }

        /// <summary>Force each record to disk before the call returns (fsync). Turn off only where the disk layer guarantees it.</summary>
        public bool FlushToDisk { get; set; } = true;

        /// <summary>Also record reviews whose verdict was Allowed (blocked and held verdicts are always recorded). Default true.</summary>
        public bool RecordAllowedReviews { get; set; } = true;

        internal IEnumerable<string> Validate(string section = "Audit")
        {
            if (string.IsNullOrWhiteSpace(Directory))
            {
                yield return $"{section}:Directory is required: the folder where the log files are kept.";
            }

            if (RetentionDays < MinimumRetentionDays)
            {
                yield return $"{section}:RetentionDays is {RetentionDays}; logs must be kept at least {MinimumRetentionDays} days (six months, Cybersecurity Law Art. 21(3)).";
            }

            foreach (var problem in UserPseudonymizer.ValidateKey(PseudonymKey, section))
            {
                yield return problem;
            }
        }
    }
}
