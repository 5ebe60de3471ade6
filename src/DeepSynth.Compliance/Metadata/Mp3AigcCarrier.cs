using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;

namespace DeepSynth.Compliance.Metadata
{
    /// <summary>
    /// AIGC metadata in an MP3's ID3v2 tag as a <c>TXXX</c> frame with description <c>AIGC</c> (TC260-PG-202510A). Reads
    /// ID3v2.3 and v2.4 (including unsynchronised tags and any text encoding); writes the tag back in its own version, or a
    /// new ID3v2.3 tag, keeping every other frame, with padding after the last frame as ID3v2 writers leave it (a tag that
    /// ends right at its last frame makes exiftool warn "Invalid ID3 frame size"). The audio is copied byte for byte.
    /// </summary>
    public sealed class Mp3AigcCarrier : IAigcMetadataCarrier
    {
        private const string Description = "AIGC";
        internal const string AudioGuide = "TC260-PG-202510A";
        private static readonly Encoding Latin1 = Encoding.GetEncoding("ISO-8859-1");

        public MediaFormat Format => MediaFormat.Mp3;

        /// <inheritdoc />
        public AigcMetadata? Read(byte[] file) => AigcLabelSites.Preferred(FindSites(file));

        /// <inheritdoc />
        public IReadOnlyList<AigcLabelSite> FindSites(byte[] file)
        {
            var sites = new List<AigcLabelSite>();
            var tag = Id3Tag.Read(file);
            foreach (var frame in tag?.Frames.Where(IsAigcFrame) ?? Enumerable.Empty<Id3Frame>())
            {
                var (description, value) = DecodeTxxx(frame);
                var standard = description == Description;
                sites.Add(new AigcLabelSite(
                    $"MP3 ID3v2.{tag!.MajorVersion} TXXX {description}",
                    standard ? AigcLabelPlacement.Standard : AigcLabelPlacement.NonStandard,
                    AudioGuide,
                    Encoding.UTF8.GetBytes(value)));
            }

            return sites;
        }

        /// <inheritdoc />
        [AigcLabeler]
        public byte[] Embed(byte[] file, AigcMetadata metadata)
        {
            var tag = Id3Tag.Read(file);
            var effective = AigcLabelSites.Effective(this, file, metadata);
            var version = tag?.MajorVersion ?? 3;
            var frames = (tag?.Frames ?? new List<Id3Frame>()).ToList();
            var frame = new Id3Frame("TXXX", EncodeTxxx(effective.ToPayloadJson(), version), 0);
            var at = frames.FindIndex(IsAigcFrame);
            frames.RemoveAll(IsAigcFrame);
            frames.Insert(at < 0 ? frames.Count : at, frame); // relabeling keeps the frame where it was
            return Id3Tag.Write(version, frames, file, tag?.AudioStart ?? 0, tag?.Size);
        }

        private static bool IsAigcFrame(Id3Frame frame) =>
            frame.Id == "TXXX" && string.Equals(DecodeTxxx(frame).Description, Description, StringComparison.OrdinalIgnoreCase);

        private static (string Description, string Value) DecodeTxxx(Id3Frame frame)
        {
            var data = frame.Data;
            if (data.Length < 2)
            {
                return (string.Empty, string.Empty);
            }

            var encoding = data[0];
            var (text, wide) = encoding switch
            {
                0 => (Latin1, false),
                1 => ((Encoding)new UnicodeEncoding(false, true), true),
                2 => (new UnicodeEncoding(true, false), true),
                3 => (Encoding.UTF8, false),
                _ => throw new AigcMetadataException($"ID3 TXXX frame uses unknown text encoding {encoding}."),
            };
            var terminator = FindTerminator(data, 1, wide);
            if (terminator < 0)
            {
                return (Decode(text, data, 1, data.Length - 1, encoding), string.Empty);
            }

            var valueStart = terminator + (wide ? 2 : 1);
            var value = Decode(text, data, valueStart, data.Length - valueStart, encoding);
            return (Decode(text, data, 1, terminator - 1, encoding), value.TrimEnd('\0'));
        }

        private static string Decode(Encoding encoding, byte[] data, int offset, int count, byte kind)
        {
            if (kind == 1 && count >= 2)
            {
                // UTF-16 with a byte order mark.
                var bigEndian = data[offset] == 0xFE && data[offset + 1] == 0xFF;
                var hasBom = bigEndian || (data[offset] == 0xFF && data[offset + 1] == 0xFE);
                var utf16 = new UnicodeEncoding(bigEndian, false);
                return hasBom ? utf16.GetString(data, offset + 2, count - 2) : utf16.GetString(data, offset, count);
            }

            return encoding.GetString(data, offset, count);
        }

        private static int FindTerminator(byte[] data, int start, bool wide)
        {
            for (var i = start; i < data.Length - (wide ? 1 : 0); i += wide ? 2 : 1)
            {
                if (data[i] == 0 && (!wide || data[i + 1] == 0))
                {
                    return i;
                }
            }

            return -1;
        }

        private static byte[] EncodeTxxx(string json, int version)
        {
            // Conformant metadata is ASCII, which Latin-1 (encoding 0) carries in every ID3 version.
            // Foreign non-ASCII fields kept from another producer need UTF-8 (v2.4) or UTF-16 (v2.3).
            var ascii = json.All(c => c < 0x80);
            using var output = new MemoryStream();
            if (ascii)
            {
                output.WriteByte(0);
                Write(output, Latin1.GetBytes(Description + "\0" + json));
            }
            else if (version >= 4)
            {
                output.WriteByte(3);
                Write(output, Encoding.UTF8.GetBytes(Description + "\0" + json));
            }
            else
            {
                output.WriteByte(1);
                var utf16 = new UnicodeEncoding(false, true);
                Write(output, utf16.GetPreamble());
                Write(output, utf16.GetBytes(Description + "\0"));
                Write(output, utf16.GetPreamble());
                Write(output, utf16.GetBytes(json));
            }

            return output.ToArray();
        }

        private static void Write(Stream stream, byte[] bytes) => stream.Write(bytes, 0, bytes.Length);
    }
}
