using System.Collections.Generic;
using DeepSynth.Compliance.Audit;

namespace DeepSynth.Compliance.Export
{
    /// <summary>Where the recipient ledger of unlabeled exports is kept.</summary>
    public sealed class UnlabeledExportOptions
    {
        /// <summary>The ledger folder (hash-chained daily files like the audit log). Required to use unlabeled export.</summary>
        public string? LedgerDirectory { get; set; }

        /// <summary>Days the ledger is kept; at least 180 (LM Art. 9: six months). Default 180.</summary>
        public int RetentionDays { get; set; } = AuditLogOptions.MinimumRetentionDays;

        internal IEnumerable<string> Validate()
        {
            if (LedgerDirectory is null)
            {
                yield break; // the feature is optional; the gate refuses to start without a folder
            }

            if (RetentionDays < AuditLogOptions.MinimumRetentionDays)
            {
                yield return $"Export:RetentionDays is {RetentionDays}; the recipient ledger must be kept at least {AuditLogOptions.MinimumRetentionDays} days (Labeling Measures Art. 9).";
            }
        }
    }
}
