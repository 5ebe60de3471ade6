using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;

namespace DeepSynth.Compliance.Metadata
{
    /// <summary>
    /// AIGC metadata in TIFF as the <c>TC260:AIGC</c> element of the XMP packet in tag 700 of IFD0 (TC260-PG-20259A). No
    /// byte of the image moves: a new or larger packet is appended at the end of the file, and when IFD0 has no tag 700
    /// yet a copy of IFD0 with it is appended too and the header points to it (the old IFD0 stays, unreferenced). A packet
    /// that still fits is rewritten in place. Little- and big-endian files; BigTIFF is refused.
    /// </summary>
    public sealed class TiffAigcCarrier : IAigcMetadataCarrier
    {
        private const ushort XmpTag = 700;
        private const ushort Undefined = 7;

        public MediaFormat Format => MediaFormat.Tiff;

        /// <inheritdoc />
        public AigcMetadata? Read(byte[] file) => AigcLabelSites.Preferred(FindSites(file));

        /// <inheritdoc />
        public IReadOnlyList<AigcLabelSite> FindSites(byte[] file)
        {
            var (_, _, entries) = Open(file);
            var xmp = entries.FirstOrDefault(e => e.Tag == XmpTag);
            return xmp.Tag != XmpTag || xmp.ValueOffset < 0
                ? Array.Empty<AigcLabelSite>()
                : XmpAigcPacket.FindSites(Packet(file, xmp), "TIFF IFD0 tag 700 XMP");
        }

        /// <inheritdoc />
        [AigcLabeler]
        public byte[] Embed(byte[] file, AigcMetadata metadata)
        {
            var (tiff, ifd0, entries) = Open(file);
            var effective = AigcLabelSites.Effective(this, file, metadata);
            var xmp = entries.FirstOrDefault(e => e.Tag == XmpTag);
            var existing = xmp.Tag == XmpTag && xmp.ValueOffset >= 0;
            var packet = Encoding.UTF8.GetBytes(existing ? XmpAigcPacket.Write(Packet(file, xmp), effective.ToPayloadJson()) : XmpAigcPacket.Create(effective.ToPayloadJson()));
            var output = new MemoryStream(file.Length + packet.Length + 512);
            output.Write(file, 0, file.Length);
            if (existing && packet.Length <= xmp.ByteLength && xmp.ByteLength > 4)
            {
                // In place: the new packet, then zeros to the old length; the entry's count shrinks to the packet.
                var bytes = output.ToArray();
                Array.Clear(bytes, xmp.ValueOffset, xmp.ByteLength);
                Buffer.BlockCopy(packet, 0, bytes, xmp.ValueOffset, packet.Length);
                Write32(bytes, xmp.EntryOffset + 4, (uint)packet.Length, tiff.LittleEndian);
                return bytes;
            }

            Align(output);
            var packetOffset = (uint)output.Length;
            output.Write(packet, 0, packet.Length);
            if (existing)
            {
                var bytes = output.ToArray();
                Write32(bytes, xmp.EntryOffset + 4, (uint)packet.Length, tiff.LittleEndian);
                Write32(bytes, xmp.EntryOffset + 8, packetOffset, tiff.LittleEndian);
                return bytes;
            }

            // A copy of IFD0 with tag 700 in tag order; every other entry keeps its value or offset.
            Align(output);
            var newIfd = (uint)output.Length;
            var raw = entries.Select(e => file.AsSpan(e.EntryOffset, 12).ToArray()).ToList();
            var ours = new byte[12];
            Write16(ours, 0, XmpTag, tiff.LittleEndian);
            Write16(ours, 2, Undefined, tiff.LittleEndian);
            Write32(ours, 4, (uint)packet.Length, tiff.LittleEndian);
            Write32(ours, 8, packetOffset, tiff.LittleEndian);
            var at = entries.FindIndex(e => e.Tag > XmpTag);
            raw.Insert(at < 0 ? raw.Count : at, ours);
            var count = new byte[2];
            Write16(count, 0, (ushort)raw.Count, tiff.LittleEndian);
            output.Write(count, 0, 2);
            foreach (var entry in raw)
            {
                output.Write(entry, 0, 12);
            }

            var next = new byte[4];
            Write32(next, 0, ifd0.Next, tiff.LittleEndian);
            output.Write(next, 0, 4);
            var result = output.ToArray();
            Write32(result, 4, newIfd, tiff.LittleEndian);
            return result;
        }

        private static (TiffDirectory Tiff, (uint Offset, uint Next) Ifd0, List<TiffEntry> Entries) Open(byte[] file)
        {
            if (file is null)
            {
                throw new ArgumentNullException(nameof(file));
            }

            var tiff = MediaFormatDetector.Detect(file) == MediaFormat.Tiff ? TiffDirectory.Open(file, 0, file.Length) : null;
            if (tiff is null)
            {
                throw new AigcMetadataException("Not a TIFF file (or a BigTIFF, which is not supported): no II*\\0 / MM\\0* header.");
            }

            var (entries, next) = tiff.ReadIfd(tiff.FirstIfdOffset);
            return (tiff, (tiff.FirstIfdOffset, next), entries);
        }

        private static string Packet(byte[] file, TiffEntry entry) => XmpAigcPacket.Decode(file, entry.ValueOffset, entry.ByteLength, "TIFF tag 700");

        // TIFF offsets must be even (word-aligned).
        private static void Align(Stream output)
        {
            if ((output.Length & 1) == 1)
            {
                output.WriteByte(0);
            }
        }

        private static void Write16(byte[] data, int at, ushort value, bool little)
        {
            if (little)
            {
                BinaryPrimitives.WriteUInt16LittleEndian(data.AsSpan(at), value);
            }
            else
            {
                BinaryPrimitives.WriteUInt16BigEndian(data.AsSpan(at), value);
            }
        }

        private static void Write32(byte[] data, int at, uint value, bool little)
        {
            if (little)
            {
                BinaryPrimitives.WriteUInt32LittleEndian(data.AsSpan(at), value);
            }
            else
            {
                BinaryPrimitives.WriteUInt32BigEndian(data.AsSpan(at), value);
            }
        }
    }
}
