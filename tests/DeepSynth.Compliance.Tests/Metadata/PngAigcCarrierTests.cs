using System.Buffers.Binary;
using System.Text;
using DeepSynth.Compliance.Metadata;
using DeepSynth.Compliance.Tests.Support;
using MetadataExtractor;
using MetadataExtractor.Formats.Png;
using MetadataExtractor.Formats.Xmp;
using SkiaSharp;

namespace DeepSynth.Compliance.Tests.Metadata;

public class PngAigcCarrierTests
{
    private readonly PngAigcCarrier _carrier = new();

    [Fact]
    public void MetadataExtractor_reads_the_TC260_element_from_our_xmp_iTXt_chunk_and_the_image_still_decodes()
    {
        var metadata = new AigcMetadataBuilder("ACME-001").WithProduceId("p-1").Build();
        var labeled = _carrier.Embed(TestMedia.Png(64, 48), metadata);

        var directories = ImageMetadataReader.ReadMetadata(new MemoryStream(labeled));
        var xmp = directories.OfType<XmpDirectory>().Single();
        Assert.Equal(metadata.ToPayloadJson(), xmp.XmpMeta!.GetPropertyString("http://www.tc260.org.cn/ns/AIGC/1.0/", "AIGC"));
        Assert.DoesNotContain(directories.OfType<PngDirectory>(), d => d.Name is "PNG-tEXt" or "PNG-zTXt");
        Assert.Contains("<TC260:AIGC>", Encoding.UTF8.GetString(labeled));

        var ihdr = directories.OfType<PngDirectory>().Single(d => d.Name == "PNG-IHDR");
        Assert.Equal(64, ihdr.GetInt32(PngDirectory.TagImageWidth));
        using var bitmap = SKBitmap.Decode(labeled);
        Assert.Equal(48, bitmap.Height);
    }

    [Fact]
    public void Reads_a_tEXt_chunk_with_spacing_written_by_another_producer()
    {
        var json = """{"AIGC": {"Label": "3", "ContentProducer": "", "ProduceID": "", "ReservedCode1": "", "ContentPropagator": "PLAT", "PropagateID": "x1", "ReservedCode2": ""}}""";
        var png = InsertChunk(TestMedia.Png(), "tEXt", Encoding.Latin1.GetBytes("AIGC\0" + json));

        var read = _carrier.Read(png)!;
        Assert.Equal(AigcLabelKind.SuspectedGenerated, read.LabelKind);
        Assert.Equal("PLAT", read.ContentPropagator);
    }

    [Fact]
    public void Reads_a_compressed_iTXt_chunk()
    {
        var json = new AigcMetadataBuilder("Z").WithProduceId("z").Build().ToUtf8Json();
        using var compressed = new MemoryStream();
        using (var zlib = new System.IO.Compression.ZLibStream(compressed, System.IO.Compression.CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write(json);
        }

        var data = Encoding.ASCII.GetBytes("AIGC\0").Concat(new byte[] { 1, 0, 0, 0 }).Concat(compressed.ToArray()).ToArray();
        Assert.Equal("Z", _carrier.Read(InsertChunk(TestMedia.Png(), "iTXt", data))!.ContentProducer);
    }

    [Fact]
    public void Relabeling_folds_an_annex_tEXt_label_into_an_existing_xmp_packet_that_keeps_its_other_properties()
    {
        var packet = HandBuiltLabels.XmpElement(HandBuiltLabels.DoubaoJson).Replace("<TC260:AIGC>" + HandBuiltLabels.DoubaoJson + "</TC260:AIGC>", string.Empty);
        var png = HandBuiltLabels.PngWith(TestMedia.Png(), HandBuiltLabels.PngXmpChunk(packet), HandBuiltLabels.PngTextChunk("AIGC", HandBuiltLabels.DoubaoJson));

        var labeled = _carrier.Embed(png, new AigcMetadataBuilder("PLAT").WithProduceId("x").Build());

        var site = Assert.Single(_carrier.FindSites(labeled));
        Assert.Equal(AigcLabelPlacement.Standard, site.Placement);
        var read = _carrier.Read(labeled)!;
        Assert.Equal("db-7f3a", read.ProduceId); // the first producer's fields stay
        Assert.Equal("PLAT", read.ContentPropagator);
        var xmp = ImageMetadataReader.ReadMetadata(new MemoryStream(labeled)).OfType<XmpDirectory>().Single();
        Assert.Equal("Doubao", xmp.XmpMeta!.GetPropertyString("http://ns.adobe.com/xap/1.0/", "CreatorTool"));
        var idat = png.AsSpan().IndexOf("IDAT"u8) - 4;
        Assert.True(labeled.AsSpan().EndsWith(png.AsSpan(idat)), "IDAT..IEND copied byte for byte");
    }

    [Fact]
    public void Truncated_png_is_reported_not_relabeled()
    {
        var png = TestMedia.Png();
        var truncated = png.AsSpan(0, png.Length - 20).ToArray();

        var error = Assert.Throws<AigcMetadataException>(() => _carrier.Embed(truncated, new AigcMetadataBuilder("A").Build()));
        Assert.Contains("Truncated PNG", error.Message);
    }

    [Fact]
    public void Bad_chunk_crc_is_reported()
    {
        var png = TestMedia.Png();
        png[8 + 8 + 3] ^= 0x01; // flip a bit of IHDR's width

        var error = Assert.Throws<AigcMetadataException>(() => _carrier.Read(png));
        Assert.Contains("chunk IHDR", error.Message);
        Assert.Contains("CRC", error.Message);
    }

    [Fact]
    public void Non_utf8_text_in_an_iTXt_chunk_is_reported()
    {
        var data = Encoding.ASCII.GetBytes("AIGC\0\0\0\0\0{\"Label\":\"").Concat(new byte[] { 0xFF, 0xFE }).Concat("\"}"u8.ToArray()).ToArray();
        var error = Assert.Throws<AigcMetadataException>(() => _carrier.Read(InsertChunk(TestMedia.Png(), "iTXt", data)));
        Assert.Contains("UTF-8", error.Message);
    }

    [Fact]
    public void A_compressed_chunk_that_inflates_past_the_limit_is_refused()
    {
        using var compressed = new MemoryStream();
        using (var zlib = new System.IO.Compression.ZLibStream(compressed, System.IO.Compression.CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write(new byte[10_000_000]);
        }

        var data = Encoding.ASCII.GetBytes("AIGC\0\0").Concat(compressed.ToArray()).ToArray();
        var error = Assert.Throws<AigcMetadataException>(() => _carrier.Read(InsertChunk(TestMedia.Png(), "zTXt", data)));
        Assert.Contains("inflates to more than", error.Message);
    }

    [Fact]
    public void Every_chunk_we_write_has_a_correct_crc()
    {
        var labeled = _carrier.Embed(TestMedia.Png(), new AigcMetadataBuilder("A").Build());
        for (var offset = 8; offset < labeled.Length;)
        {
            var length = (int)BinaryPrimitives.ReadUInt32BigEndian(labeled.AsSpan(offset));
            var crc = BinaryPrimitives.ReadUInt32BigEndian(labeled.AsSpan(offset + 8 + length));
            Assert.Equal(System.IO.Hashing.Crc32.HashToUInt32(labeled.AsSpan(offset + 4, length + 4)), crc);
            offset += length + 12;
        }
    }

    /// <summary>Adds a chunk after IHDR the way another encoder would, with its own CRC computation.</summary>
    internal static byte[] InsertChunk(byte[] png, string type, byte[] data)
    {
        var ihdrEnd = 8 + 12 + (int)BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(8));
        var chunk = new byte[12 + data.Length];
        BinaryPrimitives.WriteUInt32BigEndian(chunk, (uint)data.Length);
        Encoding.ASCII.GetBytes(type).CopyTo(chunk, 4);
        data.CopyTo(chunk, 8);
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(8 + data.Length), System.IO.Hashing.Crc32.HashToUInt32(chunk.AsSpan(4, 4 + data.Length)));
        return png[..ihdrEnd].Concat(chunk).Concat(png[ihdrEnd..]).ToArray();
    }
}
