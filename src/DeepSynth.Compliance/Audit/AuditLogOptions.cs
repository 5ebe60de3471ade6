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

        /// <summary>
        /// The key that signs checkpoints, as text from a secret store: <c>ecdsa-p256-private:…</c> or <c>sm2-private:…</c>
        /// (see <see cref="AuditCheckpointSigner"/>). Without it (or <see cref="CheckpointSigner"/>) no checkpoints are
        /// written and cutting records off the end of the log goes unnoticed.
        /// </summary>
        public string? CheckpointPrivateKey { get; set; }

        /// <summary>The checkpoint key as an object, for keys loaded in code; wins over <see cref="CheckpointPrivateKey"/>.</summary>
        public AuditCheckpointSigner? CheckpointSigner { get; set; }

        /// <summary>
        /// The most time between a record and the checkpoint that covers it (default one minute); zero checkpoints after
        /// every record. Checkpoints are also written at each daily rotation and when the log is disposed.
        /// </summary>
        public TimeSpan CheckpointInterval { get; set; } = TimeSpan.FromMinutes(1);

        /// <summary>A second folder every checkpoint is also appended to: mount another host's storage here.</summary>
        public string? CheckpointCopyDirectory { get; set; }

        /// <summary>Called with each checkpoint, to send it off the host (a notary, a ticket, object storage with a retention lock).</summary>
        public Action<AuditCheckpoint>? CheckpointPublished { get; set; }

        internal AuditCheckpointSettings? CheckpointSettings()
        {
            var signer = CheckpointSigner ?? (string.IsNullOrWhiteSpace(CheckpointPrivateKey) ? null : AuditCheckpointSigner.Parse(CheckpointPrivateKey!));
            return signer is null ? null : new AuditCheckpointSettings(signer, CheckpointInterval, CheckpointCopyDirectory, CheckpointPublished);
        }

        internal IEnumerable<string> Validate(string section = "Audit")
        {
            if (string.IsNullOrWhiteSpace(Directory))
            {
                yield return $"{section}:Directory is required: the folder where the log files are kept.";
            }

            if (RetentionDays < MinimumRetentionDays)
            {
                yield return $"{section}:RetentionDays is {RetentionDays}; logs must be kept at least {MinimumRetentionDays} days (six months, Cybersecurity Law Art. 21(3)). 日志至少保存 {MinimumRetentionDays} 天（六个月，《网络安全法》第二十一条）。";
            }

            if (CheckpointInterval < TimeSpan.Zero)
            {
                yield return $"{section}:CheckpointInterval is negative; use zero (a checkpoint after every record) or more. 检查点间隔不能为负。";
            }

            if (CheckpointSigner is null && !string.IsNullOrWhiteSpace(CheckpointPrivateKey))
            {
                string? keyProblem = null;
                try
                {
                    AuditCheckpointSigner.Parse(CheckpointPrivateKey!);
                }
                catch (FormatException ex)
                {
                    keyProblem = ex.Message;
                }

                if (keyProblem is not null)
                {
                    yield return $"{section}:CheckpointPrivateKey: {keyProblem}";
                }
            }

            foreach (var problem in UserPseudonymizer.ValidateKey(PseudonymKey, section))
            {
                yield return problem;
            }
        }
    }
}
