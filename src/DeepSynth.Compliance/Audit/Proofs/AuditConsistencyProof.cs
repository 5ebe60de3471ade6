using System.Collections.Generic;

namespace DeepSynth.Compliance.Audit
{
    /// <summary>
    /// Proves that the log a newer checkpoint describes still holds, unchanged and in order, every record an older
    /// checkpoint covered (RFC 6962 consistency). Checking it needs only this and the public key.
    /// </summary>
    public sealed class AuditConsistencyProof
    {
        public const string Format = "deepsynth-audit-consistency/v1";

        internal AuditConsistencyProof(AuditCheckpoint older, AuditCheckpoint newer, IReadOnlyList<byte[]> path)
        {
            Older = older;
            Newer = newer;
            Path = path;
        }

        public AuditCheckpoint Older { get; }

        public AuditCheckpoint Newer { get; }

        internal IReadOnlyList<byte[]> Path { get; }

        public AuditProofCheck Verify(AuditPublicKey trustedKey)
        {
            if (!Older.IsSignedBy(trustedKey) || !Newer.IsSignedBy(trustedKey))
            {
                return AuditProofCheck.Fails("a checkpoint is not signed by the trusted key (检查点签名无效或不是受信任的密钥)");
            }

            if (Older.Log != Newer.Log)
            {
                return AuditProofCheck.Fails($"the checkpoints are of different logs ({Older.Log}, {Newer.Log})");
            }

            return MerkleProof.VerifyConsistency(Older.Size, Newer.Size, Path, ProofJson.RootOf(Older), ProofJson.RootOf(Newer))
                ? AuditProofCheck.Valid
                : AuditProofCheck.Fails($"the log of {Newer.Size} records does not extend the log of {Older.Size} records: records were changed, removed or reordered (日志不一致)");
        }

        public string ToJson() => ProofJson.Write(writer =>
        {
            writer.WriteString("format", Format);
            ProofJson.WritePath(writer, Path);
            ProofJson.WriteCheckpoint(writer, "older", Older);
            ProofJson.WriteCheckpoint(writer, "newer", Newer);
        });

        /// <exception cref="System.FormatException">Not a consistency proof.</exception>
        public static AuditConsistencyProof Parse(string json) => ProofJson.Read(json, Format, root => new AuditConsistencyProof(
            AuditCheckpoint.FromJson(root.GetProperty("older")),
            AuditCheckpoint.FromJson(root.GetProperty("newer")),
            ProofJson.ReadPath(root)));
    }
}
