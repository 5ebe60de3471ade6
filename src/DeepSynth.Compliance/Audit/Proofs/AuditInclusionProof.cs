using System;
using System.Collections.Generic;
using System.Text;

namespace DeepSynth.Compliance.Audit
{
    /// <summary>
    /// Proves to a third party that one record is in the log a signed checkpoint describes: the record's line, its place,
    /// and the RFC 6962 audit path to the checkpoint's Merkle root. Checking it needs only this and the public key.
    /// </summary>
    public sealed class AuditInclusionProof
    {
        public const string Format = "deepsynth-audit-inclusion/v1";

        internal AuditInclusionProof(AuditCheckpoint checkpoint, long sequence, string record, IReadOnlyList<byte[]> path)
        {
            Checkpoint = checkpoint;
            Sequence = sequence;
            Record = record;
            Path = path;
        }

        public AuditCheckpoint Checkpoint { get; }

        public long Sequence { get; }

        /// <summary>The record's line exactly as the log holds it (pseudonymised, content only as a hash).</summary>
        public string Record { get; }

        internal IReadOnlyList<byte[]> Path { get; }

        public AuditProofCheck Verify(AuditPublicKey trustedKey)
        {
            if (!Checkpoint.IsSignedBy(trustedKey))
            {
                return AuditProofCheck.Fails("the checkpoint is not signed by the trusted key (检查点签名无效或不是受信任的密钥)");
            }

            var line = Encoding.UTF8.GetBytes(Record);
            var record = AuditLine.Parse(line, out var problem);
            if (record is null)
            {
                return AuditProofCheck.Fails("the record itself is damaged: " + problem);
            }

            if (record.Sequence != Sequence || Sequence < 1 || Sequence > Checkpoint.Size)
            {
                return AuditProofCheck.Fails($"the record is number {record.Sequence}, the proof claims {Sequence} of {Checkpoint.Size}");
            }

            return MerkleProof.VerifyInclusion(Sequence - 1, Checkpoint.Size, MerkleHash.Leaf(line), Path, ProofJson.RootOf(Checkpoint))
                ? AuditProofCheck.Valid
                : AuditProofCheck.Fails("the audit path does not lead to the checkpoint's Merkle root: the record is not in that log (记录不在该日志中)");
        }

        public string ToJson() => ProofJson.Write(writer =>
        {
            writer.WriteString("format", Format);
            writer.WriteNumber("seq", Sequence);
            writer.WriteString("record", Record);
            ProofJson.WritePath(writer, Path);
            ProofJson.WriteCheckpoint(writer, "checkpoint", Checkpoint);
        });

        /// <exception cref="FormatException">Not an inclusion proof.</exception>
        public static AuditInclusionProof Parse(string json) => ProofJson.Read(json, Format, root => new AuditInclusionProof(
            AuditCheckpoint.FromJson(root.GetProperty("checkpoint")),
            root.GetProperty("seq").GetInt64(),
            root.GetProperty("record").GetString()!,
            ProofJson.ReadPath(root)));
    }
}
