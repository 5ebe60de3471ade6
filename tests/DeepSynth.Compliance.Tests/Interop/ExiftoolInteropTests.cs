using System.Text.Json;
using DeepSynth.Compliance.Metadata;
using DeepSynth.Compliance.Tests.Support;

namespace DeepSynth.Compliance.Tests.Interop;

/// <summary>The SDK's outputs read back by exiftool, which knows nothing of the SDK (skipped without exiftool).</summary>
public class ExiftoolInteropTests
{
    private static readonly AigcMetadata Metadata = new AigcMetadataBuilder("ACME-001").WithProduceId("x-1").Build();

    [ToolFact("exiftool")]
    public void Exiftool_reads_the_TC260_element_in_png_jpeg_webp_tiff_and_gif_xmp_without_warnings()
    {
        foreach (var (name, file) in new[] { ("a.png", TestMedia.Png()), ("a.jpg", TestMedia.Jpeg()), ("a.webp", TestMedia.Webp()), ("a.tif", TestMedia.Tiff()), ("a.gif", TestMedia.Gif()) })
        {
            var tags = Exiftool(name, AigcMetadataCarriers.For(file).Embed(file, Metadata));
            Assert.Equal(Metadata.ToPayloadJson(), Tag(tags, "XMP-TC260:Aigc"));
            Assert.False(tags.TryGetProperty("ExifTool:Warning", out var warning), name + ": " + warning);
        }
    }

    [ToolFact("exiftool")]
    public void Exiftool_gives_no_id3_frame_size_warning_on_the_sdk_mp3()
    {
        foreach (var mp3 in new[] { TestMedia.Mp3(), TestMedia.Mp3(id3Title: "Song") })
        {
            var tags = Exiftool("a.mp3", new Mp3AigcCarrier().Embed(mp3, Metadata));
            Assert.False(tags.TryGetProperty("ExifTool:Warning", out var warning), warning.ToString());
            Assert.Equal(Metadata.ToPayloadJson(), Tag(tags, "ID3v2_3:UserDefinedText").Replace("(AIGC) ", string.Empty));
        }
    }

    [ToolFact("exiftool")]
    public void Exiftool_reads_the_mp4_key()
    {
        // (OOXML is read back by the Open XML SDK instead: exiftool needs Archive::Zip for compressed parts.)
        var mp4 = Exiftool("a.mp4", new Mp4AigcCarrier().Embed(HandBuiltMp4.Build(moovFirst: true), Metadata));
        Assert.Equal(Metadata.ToPayloadJson(), Tag(mp4, "Keys:AIGC"));
    }

    [ToolFact("exiftool")]
    public void Exiftool_reads_the_pdf_info_key_and_the_flac_vorbis_comment()
    {
        var pdf = Exiftool("a.pdf", new PdfAigcCarrier().Embed(HandBuiltPdf.ByPdfPig("T"), Metadata));
        Assert.Equal(Metadata.ToPayloadJson(), Tag(pdf, "PDF:AIGC"));
        Assert.False(pdf.TryGetProperty("ExifTool:Warning", out var warning), warning.ToString());

        var flac = Exiftool("a.flac", new FlacAigcCarrier().Embed(TestMedia.Flac(), Metadata));
        Assert.Equal(Metadata.ToPayloadJson(), Tag(flac, "Vorbis:Aigc"));
    }

    private static string Tag(JsonElement tags, string name) =>
        tags.TryGetProperty(name, out var value) ? value.ToString() : throw new Xunit.Sdk.XunitException($"exiftool shows no {name}: {tags}");

    private static JsonElement Exiftool(string name, byte[] content)
    {
        using var temp = new TempDirectory();
        File.WriteAllBytes(temp.File(name), content);
        var run = ExternalTool.Run("exiftool", "-j", "-G1", "-a", "-u", temp.File(name));
        Assert.True(run.Exit == 0, run.Error);
        using var json = JsonDocument.Parse(run.Output);
        return json.RootElement[0].Clone();
    }
}
