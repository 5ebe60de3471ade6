using System.Text;
using DeepSynth.Compliance.Metadata;
using DeepSynth.Compliance.Tests.Support;
using MetadataExtractor;
using MetadataExtractor.Formats.Xmp;
using SkiaSharp;

namespace DeepSynth.Compliance.Tests.Metadata;

public class WebpAigcCarrierTests
{
    private readonly WebpAigcCarrier _carrier = new();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_simple_webp_gets_VP8X_with_the_xmp_flag_and_MetadataExtractor_reads_the_element(bool lossless)
    {
        var webp = TestMedia.Webp(70, 30, lossless);
        Assert.Equal(lossless ? "VP8L" : "VP8 ", Encoding.ASCII.GetString(webp, 12, 4));
        var metadata = new AigcMetadataBuilder("ACME").WithProduceId("w-1").Build();

        var labeled = _carrier.Embed(webp, metadata);

        Assert.Equal("VP8X", Encoding.ASCII.GetString(labeled, 12, 4));
        Assert.Equal(0x04, labeled[20] & 0x04);
        Assert.Equal(69, labeled[24] | (labeled[25] << 8) | (labeled[26] << 16)); // canvas width - 1
        Assert.Equal(29, labeled[27] | (labeled[28] << 8) | (labeled[29] << 16));
        var xmp = ImageMetadataReader.ReadMetadata(new MemoryStream(labeled)).OfType<XmpDirectory>().Single();
        Assert.Equal(metadata.ToPayloadJson(), xmp.XmpMeta!.GetPropertyString(HandBuiltLabels.Tc260, "AIGC"));
        using var bitmap = SKBitmap.Decode(labeled);
        Assert.Equal(70, bitmap.Width);
        Assert.True(labeled.AsSpan().IndexOf(webp.AsSpan(12)) > 0, "the image chunk is copied byte for byte");
    }

    [Fact]
    public void Relabeling_updates_the_one_xmp_chunk_and_drops_a_bare_aigc_chunk()
    {
        var once = _carrier.Embed(TestMedia.Webp(), new AigcMetadataBuilder("ORIG").WithProduceId("o").Build());
        var stray = RiffWith(once, "AIGC", Encoding.UTF8.GetBytes(HandBuiltLabels.DoubaoJson));
        Assert.Equal(2, _carrier.FindSites(stray).Count);

        var twice = _carrier.Embed(stray, new AigcMetadataBuilder("PLAT").Build());

        Assert.Equal(AigcLabelPlacement.Standard, Assert.Single(_carrier.FindSites(twice)).Placement);
        Assert.Equal("ORIG", _carrier.Read(twice)!.ContentProducer);
        Assert.Equal(twice.Length - 8, BitConverter.ToInt32(twice, 4));
    }

    private static byte[] RiffWith(byte[] riff, string id, byte[] data)
    {
        var chunk = Encoding.ASCII.GetBytes(id).Concat(BitConverter.GetBytes(data.Length)).Concat(data).Concat(new byte[data.Length & 1]).ToArray();
        var result = riff.Concat(chunk).ToArray();
        BitConverter.GetBytes(result.Length - 8).CopyTo(result, 4);
        return result;
    }
}
