using DeepSynth.Compliance.Metadata;
using DeepSynth.Compliance.Tests.Support;
using MetadataExtractor;
using MetadataExtractor.Formats.Exif;
using MetadataExtractor.Formats.Xmp;

namespace DeepSynth.Compliance.Tests.Metadata;

public class TiffAigcCarrierTests
{
    private readonly TiffAigcCarrier _carrier = new();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void MetadataExtractor_reads_the_element_from_tag_700_and_no_image_byte_moves(bool bigEndian)
    {
        var tiff = TestMedia.Tiff(bigEndian);
        var metadata = new AigcMetadataBuilder("ACME").WithProduceId("t-1").Build();

        var labeled = _carrier.Embed(tiff, metadata);

        Assert.Equal(tiff[8..], labeled[8..tiff.Length]); // only the IFD0 pointer in the header changed
        var directories = ImageMetadataReader.ReadMetadata(new MemoryStream(labeled));
        var xmp = directories.OfType<XmpDirectory>().Single();
        Assert.Equal(metadata.ToPayloadJson(), xmp.XmpMeta!.GetPropertyString(HandBuiltLabels.Tc260, "AIGC"));
        var ifd0 = directories.OfType<ExifIfd0Directory>().Single();
        Assert.Equal(4, ifd0.GetInt32(ExifDirectoryBase.TagImageWidth));
        Assert.Equal(8, ifd0.GetInt32(ExifDirectoryBase.TagStripOffsets));
    }

    [Fact]
    public void Relabeling_rewrites_a_packet_that_fits_in_place()
    {
        var once = _carrier.Embed(TestMedia.Tiff(), new AigcMetadataBuilder("ORIG").WithProduceId("o-1").Build());
        var twice = _carrier.Embed(once, new AigcMetadataBuilder("PLAT").WithProduceId("p-1").Build());

        Assert.Equal(once.Length, twice.Length);
        Assert.Equal("ORIG", _carrier.Read(twice)!.ContentProducer);
        Assert.Equal("PLAT", _carrier.Read(twice)!.ContentPropagator);
        Assert.Single(_carrier.FindSites(twice));
    }

    [Fact]
    public void A_bad_ifd_offset_is_reported()
    {
        var tiff = TestMedia.Tiff();
        tiff[4] = 0xF0;
        Assert.Throws<AigcMetadataException>(() => _carrier.Read(tiff));
    }
}
