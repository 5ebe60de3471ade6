using System;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Json;

namespace DeepSynth.Compliance.Audit
{
    /// <summary>
    /// A signed statement of a log's state: "records 1 to <see cref="Size"/> have Merkle root <see cref="RootHash"/> and
    /// chain head <see cref="ChainHead"/>, at <see cref="Timestamp"/>". Once a copy is off the host, no record up to that
    /// size can be edited, reordered, removed or cut off the end without the log failing against it.
    /// </summary>
    public sealed class AuditCheckpoint
    {
        private const string Header = "deepsynth-audit-checkpoint/v1";

        internal AuditCheckpoint(string log, long size, string rootHash, string chainHead, DateTimeOffset timestamp, AuditPublicKey key, byte[] signature)
        {
            Log = log;
            Size = size;
            RootHash = rootHash;
            ChainHead = chainHead;
            Timestamp = timestamp;
            Key = key;
            Signature = signature;
        }

        /// <summary>The log's file prefix ("audit").</summary>
        public string Log { get; }

        /// <summary>The number of records the checkpoint covers (records 1 to Size).</summary>
        public long Size { get; }

        /// <summary>RFC 6962 Merkle tree head over records 1 to Size (hex).</summary>
        public string RootHash { get; }

        /// <summary>The hash of record Size in the hash chain (hex).</summary>
        public string ChainHead { get; }

        public DateTimeOffset Timestamp { get; }

        /// <summary>The key the checkpoint says signed it. Trust it only if it equals the key you were given.</summary>
        public AuditPublicKey Key { get; }

        public byte[] Signature { get; }

        /// <summary>The signature is valid and made with <paramref name="trustedKey"/>.</summary>
        public bool IsSignedBy(AuditPublicKey trustedKey) => Key.Equals(trustedKey) && trustedKey.Verify(SignedBytes(), Signature);

        /// <summary>One JSON line (no newline): the form of the checkpoint files and of proofs.</summary>
        public string ToJson()
        {
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                Write(writer);
            }

            return Encoding.UTF8.GetString(buffer.ToArray());
        }

        /// <exception cref="FormatException">The text is not a checkpoint.</exception>
        public static AuditCheckpoint Parse(string json)
        {
            try
            {
                using var document = JsonDocument.Parse(json);
                return FromJson(document.RootElement);
            }
            catch (JsonException ex)
            {
                throw new FormatException("Not a checkpoint: " + ex.Message, ex);
            }
        }

        internal static AuditCheckpoint Create(string log, long size, byte[] root, string chainHead, DateTimeOffset timestamp, AuditCheckpointSigner signer)
        {
            var unsigned = new AuditCheckpoint(log, size, Hex.Lower(root), chainHead, Truncate(timestamp), signer.PublicKey, new byte[0]);
            return new AuditCheckpoint(log, size, unsigned.RootHash, chainHead, unsigned.Timestamp, signer.PublicKey, signer.Sign(unsigned.SignedBytes()));
        }

        internal void Write(Utf8JsonWriter writer)
        {
            writer.WriteStartObject();
            writer.WriteString("log", Log);
            writer.WriteNumber("size", Size);
            writer.WriteString("root", RootHash);
            writer.WriteString("head", ChainHead);
            writer.WriteString("ts", FormatTime(Timestamp));
            writer.WriteString("key", Key.ToString());
            writer.WriteString("sig", Convert.ToBase64String(Signature));
            writer.WriteEndObject();
        }

        internal static AuditCheckpoint FromJson(JsonElement root)
        {
            try
            {
                return new AuditCheckpoint(
                    root.GetProperty("log").GetString()!,
                    root.GetProperty("size").GetInt64(),
                    root.GetProperty("root").GetString()!,
                    root.GetProperty("head").GetString()!,
                    DateTimeOffset.Parse(root.GetProperty("ts").GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
                    AuditPublicKey.Parse(root.GetProperty("key").GetString()!),
                    Convert.FromBase64String(root.GetProperty("sig").GetString()!));
            }
            catch (Exception ex) when (ex is System.Collections.Generic.KeyNotFoundException or InvalidOperationException)
            {
                throw new FormatException("Not a checkpoint: " + ex.Message, ex);
            }
        }

        /// <summary>The exact bytes signed: a small fixed text, so any implementation can rebuild them.</summary>
        internal byte[] SignedBytes() => Encoding.UTF8.GetBytes(
            Header + "\n" +
            "log " + Log + "\n" +
            "size " + Size.ToString(CultureInfo.InvariantCulture) + "\n" +
            "root " + RootHash + "\n" +
            "head " + ChainHead + "\n" +
            "time " + FormatTime(Timestamp) + "\n");

        private static string FormatTime(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

        private static DateTimeOffset Truncate(DateTimeOffset time) => new DateTimeOffset(time.UtcDateTime, TimeSpan.Zero);
    }
}
