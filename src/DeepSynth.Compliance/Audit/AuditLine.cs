using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace DeepSynth.Compliance.Audit
{
    /// <summary>
    /// The on-disk form of a record: one JSON line whose last field is <c>"hash"</c>, the SHA-256 of the line's bytes
    /// without that field. Hashing the exact bytes written (not a re-serialisation) means any edit shows.
    /// </summary>
    internal static class AuditLine
    {
        public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";
        private const string HashField = ",\"hash\":\"";
        private static readonly UTF8Encoding StrictUtf8 = new UTF8Encoding(false, true);

        /// <summary>The line to append (with its newline) and the record it holds.</summary>
        public static (byte[] Line, AuditRecord Record) Create(long sequence, DateTimeOffset timestamp, string type, string? subject, IReadOnlyDictionary<string, string> data, string previousHash)
        {
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            {
                writer.WriteStartObject();
                writer.WriteNumber("seq", sequence);
                writer.WriteString("ts", timestamp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture));
                writer.WriteString("type", type);
                if (subject is not null)
                {
                    writer.WriteString("subject", subject);
                }

                writer.WriteStartObject("data");
                foreach (var pair in data)
                {
                    writer.WriteString(pair.Key, pair.Value);
                }

                writer.WriteEndObject();
                writer.WriteString("prev", previousHash);
                writer.WriteEndObject();
            }

            var body = buffer.ToArray();
            var hash = Sha256(body);
            var tail = Encoding.ASCII.GetBytes(HashField + hash + "\"}\n");
            var line = new byte[body.Length - 1 + tail.Length];
            Buffer.BlockCopy(body, 0, line, 0, body.Length - 1);
            Buffer.BlockCopy(tail, 0, line, body.Length - 1, tail.Length);
            return (line, new AuditRecord(sequence, timestamp, type, subject, data, previousHash, hash));
        }

        /// <summary>Parses and checks one line (without its newline). Returns the record, or the reason it is broken.</summary>
        public static AuditRecord Parse(byte[] line, out string? problem)
        {
            problem = null;
            string text;
            try
            {
                text = StrictUtf8.GetString(line);
            }
            catch (DecoderFallbackException)
            {
                problem = "the record is not valid UTF-8";
                return null!;
            }

            var at = text.LastIndexOf(HashField, StringComparison.Ordinal);
            if (at < 0 || text.Length != at + HashField.Length + 64 + 2 || !text.EndsWith("\"}", StringComparison.Ordinal))
            {
                problem = "the record has no hash field at its end";
                return null!;
            }

            var stored = text.Substring(at + HashField.Length, 64);
            var body = text.Substring(0, at) + "}";
            var actual = Sha256(Encoding.UTF8.GetBytes(body));
            if (!string.Equals(stored, actual, StringComparison.Ordinal))
            {
                problem = "the record's content does not match its hash (it was edited)";
                return null!;
            }

            try
            {
                using var document = JsonDocument.Parse(body);
                var root = document.RootElement;
                var data = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var property in root.GetProperty("data").EnumerateObject())
                {
                    data[property.Name] = property.Value.GetString() ?? string.Empty;
                }

                return new AuditRecord(
                    root.GetProperty("seq").GetInt64(),
                    DateTimeOffset.Parse(root.GetProperty("ts").GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
                    root.GetProperty("type").GetString()!,
                    root.TryGetProperty("subject", out var subject) ? subject.GetString() : null,
                    data,
                    root.GetProperty("prev").GetString()!,
                    stored);
            }
            catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
            {
                problem = "the record is not a valid audit record: " + ex.Message;
                return null!;
            }
        }

        /// <summary>
        /// An unterminated tail that is a whole valid record plus one more byte: a committed record whose newline was
        /// overwritten. A torn write is a prefix of a line and never looks like this.
        /// </summary>
        public static bool IsRecordWithDamagedEnd(byte[] tail)
        {
            if (tail.Length < 2)
            {
                return false;
            }

            var body = new byte[tail.Length - 1];
            Buffer.BlockCopy(tail, 0, body, 0, body.Length);
            return Parse(body, out _) is not null;
        }

        public static string Sha256(byte[] bytes)
        {
            using var sha = SHA256.Create();
            return Hex.Lower(sha.ComputeHash(bytes));
        }
    }
}
