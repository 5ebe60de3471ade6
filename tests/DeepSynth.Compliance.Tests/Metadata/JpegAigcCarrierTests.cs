using System.Text;
using DeepSynth.Compliance.Metadata;
using DeepSynth.Compliance.Tests.Support;
using MetadataExtractor;
using MetadataExtractor.Formats.Jpeg;
using MetadataExtractor.Formats.Xmp;
using SkiaSharp;

namespace DeepSynth.Compliance.Tests.Metadata;

public class JpegAigcCarrierTests
{
    private const string Tc260 = "http://www.tc260.org.cn/ns/AIGC/1.0/";
    private readonly JpegAigcCarrier _carrier = new();

    [Fact]
    public void MetadataExtractor_reads_the_xmp_property_and_the_image_still_decodes()
    {
        var metadata = new AigcMetadataBuilder("ACME-001").WithProduceId("p-1").Build();
        var labeled = _carrier.Embed(TestMedia.Jpeg(80, 60), metadata);

        var directories = ImageMetadataReader.ReadMetadata(new MemoryStream(labeled));
        var xmp = directories.OfType<XmpDirectory>().Single();
        Assert.Equal(metadata.ToPayloadJson(), xmp.XmpMeta!.GetPropertyString(Tc260, "AIGC"));
        Assert.Equal(80, directories.OfType<JpegDirectory>().Single().GetImageWidth());
        using var bitmap = SKBitmap.Decode(labeled);
        Assert.Equal(60, bitmap.Height);
    }

    [Fact]
    public void An_existing_xmp_packet_keeps_its_other_properties()
    {
        const string packet = """<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmp:CreatorTool="PhotoTool 7"/></rdf:RDF></x:xmpmeta><?xpacket end="w"?>""";
        var jpeg = WithXmp(TestMedia.Jpeg(), packet);

        var labeled = _carrier.Embed(jpeg, new AigcMetadataBuilder("ACME").Build());

        var xmp = ImageMetadataReader.ReadMetadata(new MemoryStream(labeled)).OfType<XmpDirectory>().Single();
        Assert.Equal("PhotoTool 7", xmp.XmpMeta!.GetPropertyString("http://ns.adobe.com/xap/1.0/", "CreatorTool"));
        Assert.Equal("ACME", AigcMetadata.Parse(xmp.XmpMeta.GetPropertyString(Tc260, "AIGC")!).ContentProducer);
    }

    [Fact]
    public void Reads_an_aigc_element_in_any_namespace_as_others_write_it()
    {
        const string packet = """<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about="" xmlns:aigc="urn:example:aigc"><aigc:AIGC>{"AIGC": {"Label": "2", "ContentProducer": "OTHER", "ProduceID": "9"}}</aigc:AIGC></rdf:Description></rdf:RDF></x:xmpmeta>""";
        var read = _carrier.Read(WithXmp(TestMedia.Jpeg(), packet))!;
        Assert.Equal("OTHER", read.ContentProducer);
        Assert.Equal(AigcLabelKind.PossiblyGenerated, read.LabelKind);
    }

    [Fact]
    public void Writes_the_element_form_and_turns_an_old_attribute_label_into_it()
    {
        var jpeg = WithXmp(TestMedia.Jpeg(), HandBuiltLabels.XmpAttribute(HandBuiltLabels.DoubaoJson));

        var labeled = _carrier.Embed(jpeg, new AigcMetadataBuilder("ACME").Build());

        var text = Encoding.UTF8.GetString(labeled);
        Assert.Contains("<TC260:AIGC>{\"Label\":\"1\"", text);
        Assert.DoesNotContain("TC260:AIGC=", text);
        Assert.Equal(AigcLabelPlacement.Standard, Assert.Single(_carrier.FindSites(labeled)).Placement);
        Assert.Equal("db-7f3a", _carrier.Read(labeled)!.ProduceId);
    }

    [Fact]
    public void Relabeling_an_exif_UserComment_label_moves_it_to_xmp_without_moving_any_exif_byte()
    {
        var exif = HandBuiltLabels.ExifUserCommentPayload("{\"AIGC\":" + HandBuiltLabels.DoubaoJson + "}");
        var jpeg = HandBuiltLabels.JpegWith(TestMedia.Jpeg(), exif);

        var labeled = _carrier.Embed(jpeg, new AigcMetadataBuilder("PLAT").Build());

        var site = Assert.Single(_carrier.FindSites(labeled));
        Assert.StartsWith("JPEG APP1 XMP", site.Location);
        Assert.Equal("001191110108MA01KP2T5U00000", _carrier.Read(labeled)!.ContentProducer);
        const int valueStart = 2 + 4 + 6 + 44; // SOI, APP1 marker and length, "Exif\0\0", TIFF header and both IFDs
        Assert.Equal(jpeg[..valueStart], labeled[..valueStart]); // nothing before the comment moved
        Assert.All(labeled[valueStart..(exif.Length + 4 + 2)], b => Assert.Equal(0, b)); // the old copy is blanked in place
    }

    [Fact]
    public void Truncated_jpeg_header_is_reported()
    {
        var jpeg = TestMedia.Jpeg();
        var error = Assert.Throws<AigcMetadataException>(() => _carrier.Embed(jpeg[..30], new AigcMetadataBuilder("A").Build()));
        Assert.Contains("Truncated JPEG", error.Message);
    }

    [Fact]
    public void Malformed_xmp_is_reported()
    {
        var error = Assert.Throws<AigcMetadataException>(() => _carrier.Read(WithXmp(TestMedia.Jpeg(), "<x:xmpmeta><unclosed>")));
        Assert.Contains("not well-formed XML", error.Message);
    }

    [Fact]
    public void Scan_data_is_copied_byte_for_byte()
    {
        var jpeg = TestMedia.Jpeg();
        var labeled = _carrier.Embed(jpeg, new AigcMetadataBuilder("A").Build());
        var sos = jpeg.AsSpan().IndexOf(new byte[] { 0xFF, 0xDA });
        Assert.True(labeled.AsSpan().EndsWith(jpeg.AsSpan(sos)));
    }

    /// <summary>Puts an XMP APP1 segment right after SOI, as another tool would.</summary>
    private static byte[] WithXmp(byte[] jpeg, string packet)
    {
        var payload = Encoding.ASCII.GetBytes("http://ns.adobe.com/xap/1.0/\0").Concat(Encoding.UTF8.GetBytes(packet)).ToArray();
        var length = payload.Length + 2;
        var segment = new byte[] { 0xFF, 0xE1, (byte)(length >> 8), (byte)length }.Concat(payload);
        return jpeg[..2].Concat(segment).Concat(jpeg[2..]).ToArray();
    }
}
