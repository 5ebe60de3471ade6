using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;

namespace DeepSynth.Compliance.Metadata
{
    public sealed partial class AigcMetadata
    {
        private static readonly UTF8Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

        /// <summary>The Annex E JSON, compact, wrapped: <c>{"AIGC":{"Label":"1",...}}</c>.</summary>
        public string ToJson() => StrictUtf8.GetString(ToUtf8Json());

        /// <summary>The Annex E JSON as UTF-8 bytes (plain ASCII for conformant metadata).</summary>
        public byte[] ToUtf8Json() => ToUtf8Json(wrapped: true);

        /// <summary>
        /// The bare seven-field object <c>{"Label":"1",...}</c>: the value written under a carrier's own <c>AIGC</c> key
        /// (XMP property, PNG keyword, ID3 description, RIFF chunk id, MP4 key, Vorbis field, PDF key, ...). The wrapped
        /// <see cref="ToJson"/> form is for carriers without a key of their own (EXIF UserComment, plain text).
        /// </summary>
        public string ToPayloadJson() => StrictUtf8.GetString(ToUtf8Json(wrapped: false));

        /// <summary><see cref="ToPayloadJson"/> as UTF-8 bytes.</summary>
        public byte[] ToUtf8PayloadJson() => ToUtf8Json(wrapped: false);

        private byte[] ToUtf8Json(bool wrapped)
        {
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                writer.WriteStartObject();
                if (wrapped)
                {
                    writer.WriteStartObject("AIGC");
                }

                foreach (var name in FieldNames)
                {
                    writer.WriteString(name, this[name]);
                }

                foreach (var field in AdditionalFields)
                {
                    writer.WriteString(field.Key, field.Value);
                }

                writer.WriteEndObject();
                if (wrapped)
                {
                    writer.WriteEndObject();
                }
            }

            return buffer.ToArray();
        }

        /// <summary>
        /// Reads AIGC metadata as other producers write it: <c>{"AIGC":{...}}</c> or the bare inner object, any
        /// spacing, field names in any case, numbers where strings belong. Departures from Annex E are listed in
        /// <see cref="Problems"/> rather than rejected, so a platform can still classify the file.
        /// </summary>
        /// <exception cref="AigcMetadataException">Not JSON, not an object, no AIGC fields, or larger than <see cref="MaxJsonBytes"/>.</exception>
        public static AigcMetadata Parse(string json)
        {
            if (json is null)
            {
                throw new ArgumentNullException(nameof(json));
            }

            return Parse(Encoding.UTF8.GetBytes(json));
        }

        /// <summary>Reads AIGC metadata from UTF-8 bytes; see <see cref="Parse(string)"/>.</summary>
        /// <exception cref="AigcMetadataException">The bytes are not UTF-8, or see <see cref="Parse(string)"/>.</exception>
        public static AigcMetadata Parse(byte[] utf8Json)
        {
            if (utf8Json is null)
            {
                throw new ArgumentNullException(nameof(utf8Json));
            }

            if (utf8Json.Length > MaxJsonBytes)
            {
                throw new AigcMetadataException($"AIGC metadata is {utf8Json.Length} bytes; more than {MaxJsonBytes} bytes is not a label but a payload, so it is rejected.");
            }

            try
            {
                StrictUtf8.GetString(utf8Json);
            }
            catch (DecoderFallbackException ex)
            {
                throw new AigcMetadataException("AIGC metadata is not valid UTF-8 text.", ex);
            }

            try
            {
                using var document = JsonDocument.Parse(utf8Json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
                return FromElement(document.RootElement);
            }
            catch (JsonException ex)
            {
                throw new AigcMetadataException("AIGC metadata is not valid JSON: " + ex.Message, ex);
            }
        }

        /// <summary>Like <see cref="Parse(string)"/> but returns <c>null</c> instead of throwing.</summary>
        public static AigcMetadata? TryParse(string? json)
        {
            if (json is null)
            {
                return null;
            }

            try
            {
                return Parse(json);
            }
            catch (AigcMetadataException)
            {
                return null;
            }
        }

        private static AigcMetadata FromElement(JsonElement root)
        {
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new AigcMetadataException($"AIGC metadata must be a JSON object, not {root.ValueKind}.");
            }

            var inner = root;
            foreach (var property in root.EnumerateObject())
            {
                if (property.Name.IndexOf("AIGC", StringComparison.OrdinalIgnoreCase) >= 0 && property.Value.ValueKind == JsonValueKind.Object)
                {
                    inner = property.Value;
                    break;
                }
            }

            var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            var additional = new List<KeyValuePair<string, string>>();
            var problems = new List<string>();
            foreach (var property in inner.EnumerateObject())
            {
                var value = property.Value.ValueKind switch
                {
                    JsonValueKind.String => property.Value.GetString() ?? string.Empty,
                    JsonValueKind.Null => string.Empty,
                    _ => property.Value.GetRawText(),
                };
                if (property.Value.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
                {
                    problems.Add($"{property.Name} is a JSON {property.Value.ValueKind}; Annex E fields are strings.");
                }

                var known = FieldNames.FirstOrDefault(n => string.Equals(n, property.Name, StringComparison.OrdinalIgnoreCase));
                if (known is null)
                {
                    additional.Add(new KeyValuePair<string, string>(property.Name, value));
                }
                else if (fields.ContainsKey(known))
                {
                    problems.Add($"{known} appears more than once; the first value is used.");
                }
                else
                {
                    fields[known] = value;
                }
            }

            if (!fields.ContainsKey("Label"))
            {
                throw new AigcMetadataException("The JSON has no AIGC \"Label\" field, so it is not AIGC metadata.");
            }

            foreach (var name in FieldNames.Where(n => !fields.ContainsKey(n)))
            {
                problems.Add($"{name} is missing.");
            }

            string Field(string name) => fields.TryGetValue(name, out var value) ? value : string.Empty;
            return new AigcMetadata(
                Field("Label"), Field("ContentProducer"), Field("ProduceID"), Field("ReservedCode1"),
                Field("ContentPropagator"), Field("PropagateID"), Field("ReservedCode2"), additional, problems);
        }
    }
}
