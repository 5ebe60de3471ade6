using System.Buffers.Binary;
using System.Text;

namespace DeepSynth.Compliance.Tests.Support;

/// <summary>
/// An Ogg Opus stream built page by page from RFC 7845: OpusHead alone on the BOS page, OpusTags on the next, then pages
/// of stand-in audio packets, the last with EOS. The page CRC is computed bit by bit here, not with the SDK's table.
/// </summary>
internal static class HandBuiltOgg
{
    public static byte[] Opus(string vendor = "hand-built", params string[] comments)
    {
        var head = "OpusHead"u8.ToArray().Concat(new byte[] { 1, 1, 0x38, 0x01, 0x80, 0xBB, 0, 0, 0, 0, 0 }).ToArray();
        var tags = new List<byte>("OpusTags"u8.ToArray());
        void Text(string value)
        {
            var bytes = Encoding.UTF8.GetBytes(value);
            tags.AddRange(BitConverter.GetBytes(bytes.Length));
            tags.AddRange(bytes);
        }

        Text(vendor);
        tags.AddRange(BitConverter.GetBytes(comments.Length));
        foreach (var comment in comments)
        {
            Text(comment);
        }

        var pages = new List<byte[]>
        {
            Page(0x02, 0, 0, head),
            Page(0x00, 0, 1, tags.ToArray()),
            Page(0x00, 960, 2, Encoding.ASCII.GetBytes("AUDIO-PACKET-1")),
            Page(0x04, 1920, 3, Encoding.ASCII.GetBytes("AUDIO-PACKET-2")),
        };
        return pages.SelectMany(p => p).ToArray();
    }

    private static byte[] Page(byte flags, long granule, uint sequence, byte[] packet)
    {
        var lacing = new List<byte>();
        for (var left = packet.Length; ; left -= 255)
        {
            lacing.Add((byte)Math.Min(255, left));
            if (left < 255)
            {
                break;
            }
        }

        var page = new byte[27 + lacing.Count + packet.Length];
        "OggS"u8.CopyTo(page);
        page[5] = flags;
        BinaryPrimitives.WriteInt64LittleEndian(page.AsSpan(6), granule);
        BinaryPrimitives.WriteUInt32LittleEndian(page.AsSpan(14), 0x5EED);
        BinaryPrimitives.WriteUInt32LittleEndian(page.AsSpan(18), sequence);
        page[26] = (byte)lacing.Count;
        lacing.ToArray().CopyTo(page, 27);
        packet.CopyTo(page, 27 + lacing.Count);
        BinaryPrimitives.WriteUInt32LittleEndian(page.AsSpan(22), BitwiseCrc(page));
        return page;
    }

    /// <summary>CRC-32 with polynomial 0x04C11DB7, no reflection, initial value 0 (RFC 3533).</summary>
    public static uint BitwiseCrc(byte[] data)
    {
        uint crc = 0;
        foreach (var b in data)
        {
            crc ^= (uint)b << 24;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 0x80000000) != 0 ? (crc << 1) ^ 0x04C11DB7 : crc << 1;
            }
        }

        return crc;
    }
}
