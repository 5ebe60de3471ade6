using System.Buffers.Binary;
using System.Text;

namespace DeepSynth.Compliance.Tests.Support;

/// <summary>
/// Files built byte by byte the way the TC260 guides (as verifiers cite them) and other producers place labels, so the
/// reader is tested on files the SDK did not write.
/// </summary>
internal static class HandBuiltLabels
{
    public const string Tc260 = "http://www.tc260.org.cn/ns/AIGC/1.0/";

    public const string DoubaoJson = """{"Label":"1","ContentProducer":"001191110108MA01KP2T5U00000","ProduceID":"db-7f3a","ReservedCode1":"","ContentPropagator":"001191110108MA01KP2T5U00000","PropagateID":"db-7f3a","ReservedCode2":""}""";

    /// <summary>An XMP packet with the element form, as Doubao ships it.</summary>
    public static string XmpElement(string json, string prefix = "TC260", string ns = Tc260) =>
        $"""<?xpacket begin="﻿" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about="" xmlns:{prefix}="{ns}" xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmp:CreatorTool="Doubao"><{prefix}:AIGC>{json}</{prefix}:AIGC></rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>""";

    /// <summary>An XMP packet with the attribute form the SDK used to write.</summary>
    public static string XmpAttribute(string json) =>
        $"""<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about="" xmlns:TC260="{Tc260}" TC260:AIGC="{json.Replace("\"", "&quot;")}"/></rdf:RDF></x:xmpmeta>""";

    /// <summary>A PNG chunk: length, type, data, CRC (System.IO.Hashing, not the SDK's CRC).</summary>
    public static byte[] PngChunk(string type, byte[] data)
    {
        var chunk = new byte[12 + data.Length];
        BinaryPrimitives.WriteUInt32BigEndian(chunk, (uint)data.Length);
        Encoding.ASCII.GetBytes(type).CopyTo(chunk, 4);
        data.CopyTo(chunk, 8);
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(8 + data.Length), System.IO.Hashing.Crc32.HashToUInt32(chunk.AsSpan(4, 4 + data.Length)));
        return chunk;
    }

    /// <summary>Inserts chunks after IHDR.</summary>
    public static byte[] PngWith(byte[] png, params byte[][] chunks)
    {
        var ihdrEnd = 8 + 12 + (int)BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(8));
        return png[..ihdrEnd].Concat(chunks.SelectMany(c => c)).Concat(png[ihdrEnd..]).ToArray();
    }

    public static byte[] PngXmpChunk(string packet) =>
        PngChunk("iTXt", Encoding.ASCII.GetBytes("XML:com.adobe.xmp\0\0\0\0\0").Concat(Encoding.UTF8.GetBytes(packet)).ToArray());

    public static byte[] PngTextChunk(string keyword, string text) => PngChunk("tEXt", Encoding.Latin1.GetBytes(keyword + "\0" + text));

    /// <summary>A JPEG APP1 segment right after SOI.</summary>
    public static byte[] JpegWith(byte[] jpeg, byte[] app1Payload)
    {
        var length = app1Payload.Length + 2;
        var segment = new byte[] { 0xFF, 0xE1, (byte)(length >> 8), (byte)length }.Concat(app1Payload);
        return jpeg[..2].Concat(segment).Concat(jpeg[2..]).ToArray();
    }

    public static byte[] JpegXmpPayload(string packet) =>
        Encoding.ASCII.GetBytes("http://ns.adobe.com/xap/1.0/\0").Concat(Encoding.UTF8.GetBytes(packet)).ToArray();

    /// <summary>
    /// An Exif APP1 payload, little-endian TIFF: IFD0 holds only the Exif IFD pointer (0x8769), the Exif IFD holds only
    /// UserComment (0x9286, UNDEFINED) with the ASCII character code and <paramref name="comment"/>.
    /// </summary>
    public static byte[] ExifUserCommentPayload(string comment)
    {
        var value = Encoding.ASCII.GetBytes("ASCII\0\0\0").Concat(Encoding.UTF8.GetBytes(comment)).ToArray();
        var tiff = new byte[44 + value.Length];
        "II"u8.CopyTo(tiff);
        BinaryPrimitives.WriteUInt16LittleEndian(tiff.AsSpan(2), 42);
        BinaryPrimitives.WriteUInt32LittleEndian(tiff.AsSpan(4), 8);
        Entry(tiff, 8, 0x8769, 4, 1, 26);
        Entry(tiff, 26, 0x9286, 7, (uint)value.Length, 44);
        value.CopyTo(tiff, 44);
        return "Exif\0\0"u8.ToArray().Concat(tiff).ToArray();

        static void Entry(byte[] tiff, int at, ushort tag, ushort type, uint count, uint value)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(tiff.AsSpan(at), 1);
            BinaryPrimitives.WriteUInt16LittleEndian(tiff.AsSpan(at + 2), tag);
            BinaryPrimitives.WriteUInt16LittleEndian(tiff.AsSpan(at + 4), type);
            BinaryPrimitives.WriteUInt32LittleEndian(tiff.AsSpan(at + 6), count);
            BinaryPrimitives.WriteUInt32LittleEndian(tiff.AsSpan(at + 10), value);
            BinaryPrimitives.WriteUInt32LittleEndian(tiff.AsSpan(at + 14), 0);
        }
    }
}
