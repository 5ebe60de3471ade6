using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace DeepSynth.Compliance.Audit
{
    /// <summary>The JSON both proof kinds are written in: a format tag, the checkpoints and the path as hex strings.</summary>
    internal static class ProofJson
    {
        public static string Write(Action<Utf8JsonWriter> body)
        {
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            {
                writer.WriteStartObject();
                body(writer);
                writer.WriteEndObject();
            }

            return Encoding.UTF8.GetString(buffer.ToArray());
        }

        public static void WritePath(Utf8JsonWriter writer, IEnumerable<byte[]> path)
        {
            writer.WriteStartArray("path");
            foreach (var node in path)
            {
                writer.WriteStringValue(Hex.Lower(node));
            }

            writer.WriteEndArray();
        }

        public static void WriteCheckpoint(Utf8JsonWriter writer, string name, AuditCheckpoint checkpoint)
        {
            writer.WritePropertyName(name);
            checkpoint.Write(writer);
        }

        /// <exception cref="FormatException">Not a proof of <paramref name="format"/>.</exception>
        public static T Read<T>(string json, string format, Func<JsonElement, T> read)
        {
            try
            {
                using var document = JsonDocument.Parse(json);
                var root = document.RootElement;
                if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("format", out var tag) || tag.GetString() != format)
                {
                    throw new FormatException($"Not a {format} proof. 不是该类型的证明。");
                }

                return read(root);
            }
            catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
            {
                throw new FormatException($"Not a {format} proof: {ex.Message}", ex);
            }
        }

        public static List<byte[]> ReadPath(JsonElement root) =>
            root.GetProperty("path").EnumerateArray().Select(e => AuditMerkleLog.HexBytes(e.GetString()!)).ToList();

        public static byte[] RootOf(AuditCheckpoint checkpoint) => AuditMerkleLog.HexBytes(checkpoint.RootHash);
    }
}
