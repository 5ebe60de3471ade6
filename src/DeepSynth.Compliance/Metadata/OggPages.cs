using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.IO;

namespace DeepSynth.Compliance.Metadata
{
    /// <summary>The pages of an Ogg stream and the packets they carry; pages are checked against their CRC.</summary>
    internal static class OggPages
    {
        private static readonly uint[] CrcTable = BuildTable();

        public static List<OggPage> Read(byte[] file)
        {
            var pages = new List<OggPage>();
            var offset = 0;
            while (offset < file.Length)
            {
                if (file.Length - offset < 27 || file[offset] != 'O' || file[offset + 1] != 'g' || file[offset + 2] != 'g' || file[offset + 3] != 'S')
                {
                    throw new AigcMetadataException($"Corrupt Ogg: no page at byte {offset}.");
                }

                var segments = file[offset + 26];
                if (offset + 27 + segments > file.Length)
                {
                    throw new AigcMetadataException($"Truncated Ogg: the page at byte {offset} ends inside its segment table.");
                }

                var lacing = file.AsSpan(offset + 27, segments).ToArray();
                var body = 0;
                foreach (var size in lacing)
                {
                    body += size;
                }

                var length = 27 + segments + body;
                if (offset + length > file.Length)
                {
                    throw new AigcMetadataException($"Truncated Ogg: the page at byte {offset} declares {body} bytes of data, more than remain.");
                }

                var stored = BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(offset + 22));
                var page = file.AsSpan(offset, length).ToArray();
                BinaryPrimitives.WriteUInt32LittleEndian(page.AsSpan(22), 0);
                if (Crc(page) != stored)
                {
                    throw new AigcMetadataException($"Corrupt Ogg: the page at byte {offset} fails its CRC.");
                }

                pages.Add(new OggPage(offset, length, file[offset + 5], BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(offset + 14)), BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(offset + 18)), lacing));
                offset += length;
            }

            return pages;
        }

        /// <summary>
        /// The first <paramref name="count"/> packets of the stream and how many pages they fill, or <c>null</c> when the
        /// last of them does not end a page (then the headers cannot be repaginated without touching audio pages).
        /// </summary>
        public static (List<byte[]> Packets, int Pages)? HeaderPackets(byte[] file, List<OggPage> pages, int count)
        {
            var packets = new List<byte[]>();
            var current = new MemoryStream();
            for (var p = 0; p < pages.Count; p++)
            {
                var at = pages[p].Offset + 27 + pages[p].Lacing.Length;
                for (var s = 0; s < pages[p].Lacing.Length; s++)
                {
                    var size = pages[p].Lacing[s];
                    current.Write(file, at, size);
                    at += size;
                    if (size < 255)
                    {
                        packets.Add(current.ToArray());
                        current = new MemoryStream();
                        if (packets.Count == count)
                        {
                            return s == pages[p].Lacing.Length - 1 ? (packets, p + 1) : null;
                        }
                    }
                }

                if (current.Length > AigcMetadata.MaxJsonBytes * 64)
                {
                    throw new AigcMetadataException("Corrupt Ogg: a header packet is larger than any real one.");
                }
            }

            return null;
        }

        /// <summary>Pages holding <paramref name="packets"/> (granule 0), numbered from <paramref name="firstSequence"/>.</summary>
        public static List<byte[]> Paginate(List<byte[]> packets, uint serial, uint firstSequence)
        {
            var pages = new List<byte[]>();
            var lacing = new List<byte>();
            var data = new MemoryStream();
            var continued = false;
            var nextContinued = false;
            void Flush()
            {
                var page = new byte[27 + lacing.Count + data.Length];
                "OggS"u8.CopyTo(page);
                page[5] = (byte)(continued ? 0x01 : 0x00);
                BinaryPrimitives.WriteUInt32LittleEndian(page.AsSpan(14), serial);
                BinaryPrimitives.WriteUInt32LittleEndian(page.AsSpan(18), firstSequence + (uint)pages.Count);
                page[26] = (byte)lacing.Count;
                lacing.CopyTo(page, 27);
                data.ToArray().CopyTo(page, 27 + lacing.Count);
                BinaryPrimitives.WriteUInt32LittleEndian(page.AsSpan(22), Crc(page));
                pages.Add(page);
                lacing.Clear();
                data = new MemoryStream();
                continued = nextContinued;
            }

            foreach (var packet in packets)
            {
                var at = 0;
                while (true)
                {
                    var size = Math.Min(255, packet.Length - at);
                    lacing.Add((byte)size);
                    data.Write(packet, at, size);
                    at += size;
                    var done = size < 255;
                    if (lacing.Count == 255)
                    {
                        nextContinued = !done;
                        Flush();
                        nextContinued = false;
                    }

                    if (done)
                    {
                        break;
                    }
                }

                // Each header packet ends its page, as the Vorbis and Opus mappings require for the last one.
                if (lacing.Count > 0)
                {
                    Flush();
                }
            }

            return pages;
        }

        /// <summary>A copy of the page with a new sequence number and CRC.</summary>
        public static byte[] Renumber(byte[] file, OggPage page, uint sequence)
        {
            var copy = file.AsSpan(page.Offset, page.Length).ToArray();
            BinaryPrimitives.WriteUInt32LittleEndian(copy.AsSpan(18), sequence);
            BinaryPrimitives.WriteUInt32LittleEndian(copy.AsSpan(22), 0);
            BinaryPrimitives.WriteUInt32LittleEndian(copy.AsSpan(22), Crc(copy));
            return copy;
        }

        private static uint Crc(byte[] page)
        {
            var crc = 0u;
            foreach (var b in page)
            {
                crc = (crc << 8) ^ CrcTable[((crc >> 24) & 0xFF) ^ b];
            }

            return crc;
        }

        private static uint[] BuildTable()
        {
            var table = new uint[256];
            for (uint i = 0; i < 256; i++)
            {
                var r = i << 24;
                for (var k = 0; k < 8; k++)
                {
                    r = (r & 0x80000000) != 0 ? (r << 1) ^ 0x04C11DB7 : r << 1;
                }

                table[i] = r;
            }

            return table;
        }
    }

    internal readonly struct OggPage
    {
        public OggPage(int offset, int length, byte flags, uint serial, uint sequence, byte[] lacing)
        {
            Offset = offset;
            Length = length;
            Flags = flags;
            Serial = serial;
            Sequence = sequence;
            Lacing = lacing;
        }

        public int Offset { get; }

        public int Length { get; }

        public byte Flags { get; }

        public uint Serial { get; }

        public uint Sequence { get; }

        public byte[] Lacing { get; }
    }
}
