using System.Text;
using DeepSynth.Compliance.Metadata;
using DeepSynth.Compliance.Tests.Support;
using MetadataExtractor;
using MetadataExtractor.Formats.Xmp;
using SkiaSharp;

namespace DeepSynth.Compliance.Tests.Metadata;

public class GifAigcCarrierTests
{
    private readonly GifAigcCarrier _carrier = new();

    [Fact]
    public void MetadataExtractor_reads_the_xmp_extension_and_the_image_still_decodes()
    {
        var metadata = new AigcMetadataBuilder("ACME").WithProduceId("g-1").Build();

        var labeled = _carrier.Embed(TestMedia.Gif(), metadata);

        var xmp = ImageMetadataReader.ReadMetadata(new MemoryStream(labeled)).OfType<XmpDirectory>().Single();
        Assert.Equal(metadata.ToPayloadJson(), xmp.XmpMeta!.GetPropertyString(HandBuiltLabels.Tc260, "AIGC"));
        using var bitmap = SKBitmap.Decode(labeled);
        Assert.Equal(1, bitmap.Width);
        Assert.Equal(0x3B, labeled[^1]);
    }

    [Fact]
    public void A_comment_label_is_read_as_non_standard_and_folded_into_the_xmp_extension()
    {
        var gif = TestMedia.Gif(comment: "{\"AIGC\":" + HandBuiltLabels.DoubaoJson + "}"); // a comment has no key, so the wrapped form
        Assert.Equal(AigcLabelPlacement.NonStandard, Assert.Single(_carrier.FindSites(gif)).Placement);

        var once = _carrier.Embed(gif, new AigcMetadataBuilder("PLAT").Build());
        var twice = _carrier.Embed(once, new AigcMetadataBuilder("PLAT").Build());

        Assert.Equal(AigcLabelPlacement.Standard, Assert.Single(_carrier.FindSites(twice)).Placement);
        Assert.Equal("db-7f3a", _carrier.Read(twice)!.ProduceId);
        Assert.Equal(once.Length, twice.Length);
        Assert.DoesNotContain("\u0021\u00FE", Encoding.Latin1.GetString(twice));
    }

    [Fact]
    public void A_gif_without_its_trailer_is_reported()
    {
        var error = Assert.Throws<AigcMetadataException>(() => _carrier.Read(TestMedia.Gif()[..^1]));
        Assert.Contains("Truncated GIF", error.Message);
    }
}
