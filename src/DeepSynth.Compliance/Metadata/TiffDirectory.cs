using System;
using System.Buffers.Binary;
using System.Collections.Generic;

namespace DeepSynth.Compliance.Metadata
{
    /// <summary>
    /// A bounded reader of TIFF image file directories (IFDs): TIFF files and the Exif block of a JPEG. Offsets in the
    /// results are absolute positions in the byte array, so callers can patch values in place.
    /// </summary>
    internal sealed class TiffDirectory
    {
        /// <summary>More entries than any real IFD has; stops a hostile count from costing time.</summary>
        private const int MaxEntries = 4096;

        private readonly byte[] _data;
        private readonly int _start;
        private readonly int _end;

        private TiffDirectory(byte[] data, int start, int end, bool littleEndian)
        {
            _data = data;
            _start = start;
            _end = end;
            LittleEndian = littleEndian;
        }

        public bool LittleEndian { get; }

        /// <summary>The offset of IFD0 relative to the TIFF header.</summary>
        public uint FirstIfdOffset => U32(_start + 4);

        /// <summary>A reader of the TIFF structure in <paramref name="data"/>[start, end), or <c>null</c> when no TIFF header is there.</summary>
        public static TiffDirectory? Open(byte[] data, int start, int end)
        {
            if (end - start < 8)
            {
                return null;
            }

            var little = data[start] == (byte)'I' && data[start + 1] == (byte)'I';
            var big = data[start] == (byte)'M' && data[start + 1] == (byte)'M';
            if (!little && !big)
            {
                return null;
            }

            var reader = new TiffDirectory(data, start, end, little);
            return reader.U16(start + 2) == 42 ? reader : null;
        }

        /// <summary>The entries of the IFD at <paramref name="relativeOffset"/> (from the TIFF header) and the next IFD's offset.</summary>
        /// <exception cref="AigcMetadataException">The IFD lies outside the data.</exception>
        public (List<TiffEntry> Entries, uint Next) ReadIfd(uint relativeOffset)
        {
            var at = _start + (long)relativeOffset;
            if (at + 2 > _end)
            {
                throw new AigcMetadataException($"Corrupt TIFF: an IFD at offset {relativeOffset} lies outside the data.");
            }

            int count = U16((int)at);
            if (count > MaxEntries || at + 2 + (12L * count) + 4 > _end)
            {
                throw new AigcMetadataException($"Corrupt TIFF: the IFD at offset {relativeOffset} declares {count} entries, more than the data holds.");
            }

            var entries = new List<TiffEntry>(count);
            for (var i = 0; i < count; i++)
            {
                var entry = (int)at + 2 + (12 * i);
                var type = U16(entry + 2);
                var valueCount = U32(entry + 4);
                var size = (long)TypeSize(type) * valueCount;
                var valueAt = size <= 4 ? entry + 8 : _start + (long)U32(entry + 8);
                var valid = size <= int.MaxValue && valueAt + size <= _end;
                entries.Add(new TiffEntry(U16(entry), type, valueCount, entry, valid ? (int)valueAt : -1, valid ? (int)size : 0));
            }

            return (entries, U32((int)at + 2 + (12 * count)));
        }

        public ushort U16(int at) => LittleEndian ? BinaryPrimitives.ReadUInt16LittleEndian(_data.AsSpan(at)) : BinaryPrimitives.ReadUInt16BigEndian(_data.AsSpan(at));

        public uint U32(int at) => LittleEndian ? BinaryPrimitives.ReadUInt32LittleEndian(_data.AsSpan(at)) : BinaryPrimitives.ReadUInt32BigEndian(_data.AsSpan(at));

        /// <summary>The value of a LONG or SHORT entry (an IFD pointer, for instance).</summary>
        public uint Scalar(TiffEntry entry) => entry.Type == 3 ? U16(entry.EntryOffset + 8) : U32(entry.EntryOffset + 8);

        private static int TypeSize(ushort type) => type switch
        {
            1 or 2 or 6 or 7 => 1,
            3 or 8 => 2,
            4 or 9 or 11 or 13 => 4,
            5 or 10 or 12 => 8,
            _ => 1,
        };
    }

    /// <summary>One IFD entry; <see cref="ValueOffset"/> is -1 when the value points outside the data.</summary>
    internal readonly struct TiffEntry
    {
        public TiffEntry(ushort tag, ushort type, uint count, int entryOffset, int valueOffset, int byteLength)
        {
            Tag = tag;
            Type = type;
            Count = count;
            EntryOffset = entryOffset;
            ValueOffset = valueOffset;
            ByteLength = byteLength;
        }

        public ushort Tag { get; }

        public ushort Type { get; }

        public uint Count { get; }

        public int EntryOffset { get; }

        public int ValueOffset { get; }

        public int ByteLength { get; }
    }
}
