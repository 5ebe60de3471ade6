using System.Buffers.Binary;
using System.Text;

namespace DeepSynth.Compliance.Tests.Support;

/// <summary>
/// Minimal ISO base media files built box by box: ftyp, moov (mvhd, one trak whose stco points into mdat, optional
/// udta), mdat. Enough structure to test offsets and metadata; not a playable movie.
/// </summary>
internal static class HandBuiltMp4
{
    public static readonly byte[] Samples = Encoding.ASCII.GetBytes("SAMPLE-0SAMPLE-1");

    /// <param name="moovFirst">"Fast start" layout: moov before mdat, so the chunk offsets point past moov.</param>
    /// <param name="udta">Extra boxes for moov.udta (e.g. an ffmpeg-style mdta meta).</param>
    public static byte[] Build(bool moovFirst, params byte[][] udta)
    {
        var ftyp = Box("ftyp", Encoding.ASCII.GetBytes("isom"), new byte[4], Encoding.ASCII.GetBytes("isommp41"));
        byte[] Moov(uint chunkOffset)
        {
            var stco = Box("stco", new byte[4], U32(2), U32(chunkOffset), U32(chunkOffset + 8));
            var trak = Box("trak", Box("mdia", Box("minf", Box("stbl", stco))));
            var parts = new List<byte[]> { Box("mvhd", new byte[100]), trak };
            if (udta.Length > 0)
            {
                parts.Add(Box("udta", udta));
            }

            return Box("moov", parts.ToArray());
        }

        var mdat = Box("mdat", Samples);
        if (moovFirst)
        {
            var size = Moov(0).Length;
            return ftyp.Concat(Moov((uint)(ftyp.Length + size + 8))).Concat(mdat).ToArray();
        }

        return ftyp.Concat(mdat).Concat(Moov((uint)(ftyp.Length + 8))).ToArray();
    }

    /// <summary>An mdta meta box as ffmpeg's <c>-movflags use_metadata_tags</c> writes it (full box, hdlr, keys, ilst).</summary>
    public static byte[] MdtaMeta(params (string Key, string Value)[] tags)
    {
        var keys = new List<byte[]> { new byte[4], U32((uint)tags.Length) };
        var items = new List<byte[]>();
        for (var i = 0; i < tags.Length; i++)
        {
            var name = Encoding.UTF8.GetBytes(tags[i].Key);
            keys.Add(U32((uint)(8 + name.Length)));
            keys.Add("mdta"u8.ToArray());
            keys.Add(name);
            var data = Box("data", U32(1), new byte[4], Encoding.UTF8.GetBytes(tags[i].Value));
            var item = Box("xxxx", data);
            BinaryPrimitives.WriteUInt32BigEndian(item.AsSpan(4), (uint)(i + 1));
            items.Add(item);
        }

        var hdlr = Box("hdlr", new byte[8], "mdta"u8.ToArray(), new byte[13]);
        return Box("meta", new byte[4], hdlr, Box("keys", keys.ToArray()), Box("ilst", items.ToArray()));
    }

    /// <summary>The chunk offsets of the (single) stco box.</summary>
    public static uint[] ChunkOffsets(byte[] file)
    {
        var at = file.AsSpan().IndexOf("stco"u8) + 4;
        var count = BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(at + 4));
        return Enumerable.Range(0, (int)count).Select(i => BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(at + 8 + (4 * i)))).ToArray();
    }

    public static byte[] Box(string type, params byte[][] payload)
    {
        var length = 8 + payload.Sum(p => p.Length);
        var box = new byte[length];
        BinaryPrimitives.WriteUInt32BigEndian(box, (uint)length);
        Encoding.ASCII.GetBytes(type).CopyTo(box, 4);
        var at = 8;
        foreach (var part in payload)
        {
            part.CopyTo(box, at);
            at += part.Length;
        }

        return box;
    }

    private static byte[] U32(uint value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, value);
        return bytes;
    }
}
