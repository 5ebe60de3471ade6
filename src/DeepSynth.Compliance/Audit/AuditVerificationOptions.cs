using System.Collections.Generic;

namespace DeepSynth.Compliance.Audit
{
    /// <summary>What to check a log folder against besides its own hash chain.</summary>
    public sealed class AuditVerificationOptions
    {
        /// <summary>
        /// The checkpoint key you were given. Checkpoints not signed by it are reported. Without it, each checkpoint is
        /// checked only against the key it names, which a host that forges checkpoints could replace.
        /// </summary>
        public AuditPublicKey? TrustedKey { get; set; }

        /// <summary>
        /// Checkpoint files kept elsewhere (copies off the host). The folder's own <c>audit.checkpoints.jsonl</c> is always read.
        /// </summary>
        public IList<string> CheckpointFiles { get; } = new List<string>();
    }
}
