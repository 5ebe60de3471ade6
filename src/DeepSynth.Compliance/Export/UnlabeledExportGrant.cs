using System;

namespace DeepSynth.Compliance.Export
{
    /// <summary>Permission for one export without the explicit label, and its place in the recipient ledger.</summary>
    public sealed class UnlabeledExportGrant
    {
        internal UnlabeledExportGrant(string contentId, DateTimeOffset grantedAt, long ledgerSequence)
        {
            ContentId = contentId;
            GrantedAt = grantedAt;
            LedgerSequence = ledgerSequence;
        }

        public string ContentId { get; }

        public DateTimeOffset GrantedAt { get; }

        /// <summary>The ledger record of this export.</summary>
        public long LedgerSequence { get; }
    }
}
