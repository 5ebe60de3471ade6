using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Text;

namespace DeepSynth.Compliance.Metadata
{
    /// <summary>One box of an ISO base media file (MP4, MOV, M4A), located in a byte array. Parsing is bounded by the data.</summary>
    internal readonly struct IsoBox
    {
        /// <summary>Deeper than any real moov; stops a hostile nesting from recursing.</summary>
        public const int MaxDepth = 12;

        public IsoBox(string type, int start, int headerSize, int size)
        {
            Type = type;
            Start = start;
            HeaderSize = headerSize;
            Size = size;
        }

        public string Type { get; }

        public int Start { get; }

        public int HeaderSize { get; }

        /// <summary>Header and payload.</summary>
        public int Size { get; }

        public int PayloadStart => Start + HeaderSize;

        public int PayloadSize => Size - HeaderSize;

        public int End => Start + Size;

        /// <summary>The boxes in <paramref name="data"/>[start, end).</summary>
        /// <exception cref="AigcMetadataException">A box runs past its parent.</exception>
        public static List<IsoBox> Children(byte[] data, int start, int end)
        {
            var boxes = new List<IsoBox>();
            var offset = start;
            while (offset < end)
            {
                if (end - offset < 8)
                {
                    // Some writers leave a 4-byte zero terminator at the end of udta; anything else is damage.
                    if (end - offset == 4 && BinaryPrimitives.ReadUInt32BigEndian(data.AsSpan(offset)) == 0)
                    {
                        break;
                    }

                    throw new AigcMetadataException($"Corrupt MP4: {end - offset} stray bytes at byte {offset}, too few for a box header.");
                }

                long size = BinaryPrimitives.ReadUInt32BigEndian(data.AsSpan(offset));
                var type = Encoding.GetEncoding("ISO-8859-1").GetString(data, offset + 4, 4);
                var header = 8;
                if (size == 1)
                {
                    if (end - offset < 16)
                    {
                        throw new AigcMetadataException($"Truncated MP4: box '{type}' at byte {offset} has no 64-bit size.");
                    }

                    size = (long)BinaryPrimitives.ReadUInt64BigEndian(data.AsSpan(offset + 8));
                    header = 16;
                }
                else if (size == 0)
                {
                    size = end - offset; // extends to the end of its parent (usually the last mdat)
                }

                if (size < header || offset + size > end)
                {
                    throw new AigcMetadataException($"Truncated MP4: box '{type}' at byte {offset} declares {size} bytes, but only {end - offset} remain.");
                }

                boxes.Add(new IsoBox(type, offset, header, (int)size));
                offset += (int)size;
            }

            return boxes;
        }

        /// <summary>A box with a 32-bit size: header then <paramref name="payload"/>.</summary>
        public static byte[] Build(string type, params byte[][] payload)
        {
            var length = 8;
            foreach (var part in payload)
            {
                length += part.Length;
            }

            var box = new byte[length];
            BinaryPrimitives.WriteUInt32BigEndian(box, (uint)length);
            Encoding.ASCII.GetBytes(type, 0, 4, box, 4);
            var at = 8;
            foreach (var part in payload)
            {
                Buffer.BlockCopy(part, 0, box, at, part.Length);
                at += part.Length;
            }

            return box;
        }

        public byte[] Copy(byte[] data)
        {
            var copy = new byte[Size];
            Buffer.BlockCopy(data, Start, copy, 0, Size);
            return copy;
        }
    }
}
