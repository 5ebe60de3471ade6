using DeepSynth.Compliance.Metadata;
using DeepSynth.Compliance.Tests.Support;

namespace DeepSynth.Compliance.Tests.Metadata;

/// <summary>What every carrier must do, checked on each format.</summary>
public class CarrierRoundTripTests
{
    public static TheoryData<string> Formats => new() { "png", "jpeg", "wav", "mp3", "mp3+id3", "md", "docx", "webp", "mp4", "flac", "pdf", "tiff", "gif", "avi", "opus" };

    [Theory]
    [MemberData(nameof(Formats))]
    public void Embedded_metadata_reads_back_unchanged(string format)
    {
        var file = Sample(format);
        var carrier = AigcMetadataCarriers.For(MediaFormatDetector.Detect(file, FileName(format)));
        Assert.Null(carrier.Read(file));

        var metadata = new AigcMetadataBuilder("ACME-001").WithProduceId("p-42").WithReservedCodes("r1", "r2").Build();
        var labeled = carrier.Embed(file, metadata);

        Assert.Equal(metadata.ToJson(), carrier.Read(labeled)!.ToJson());
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Relabeling_keeps_one_block_and_loses_no_field(string format)
    {
        var file = Sample(format);
        var carrier = AigcMetadataCarriers.For(MediaFormatDetector.Detect(file, FileName(format)));
        var first = carrier.Embed(file, new AigcMetadataBuilder("ORIG").WithProduceId("o-1").WithReservedCodes("keep-me").Build());

        var second = carrier.Embed(first, new AigcMetadataBuilder("ACME").WithProduceId("a-1").Build());
        var third = carrier.Embed(second, new AigcMetadataBuilder("ACME").WithProduceId("a-2").Build());

        var read = carrier.Read(third)!;
        Assert.Equal("ORIG", read.ContentProducer);
        Assert.Equal("o-1", read.ProduceId);
        Assert.Equal("keep-me", read.ReservedCode1);
        Assert.Equal("ACME", read.ContentPropagator);
        Assert.Single(carrier.FindSites(third));
        if (format is not ("docx" or "pdf")) // a ZIP holds its parts compressed; a PDF keeps its earlier revisions
        {
            Assert.Equal(1, CountOccurrences(third, "ContentProducer"));
        }

        // Relabeling is stable: the file does not grow with every pass (a ZIP's deflate may differ by a byte or two; a
        // PDF update is incremental by design, so each pass appends one revision of the Info object).
        if (format != "pdf")
        {
            Assert.InRange(third.Length - second.Length, format == "docx" ? -8 : 0, format == "docx" ? 8 : 0);
        }
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void File_labeler_detects_the_format_and_writes_the_configured_producer(string format)
    {
        var labeler = new AigcFileLabeler("ACME-001");
        var labeled = labeler.Label(Sample(format), new FileLabelRequest { FileName = FileName(format) });
        var read = labeler.Read(labeled)!;
        Assert.Equal("ACME-001", read.ContentProducer);
        Assert.Equal(read.ProduceId, read.PropagateId);
        Assert.Equal(AigcLabelKind.Generated, read.LabelKind);
    }

    [Fact]
    public void Unknown_formats_are_refused_clearly()
    {
        var error = Assert.Throws<AigcMetadataException>(() => new AigcFileLabeler("ACME").Label("BM...."u8.ToArray()));
        Assert.Contains("Unsupported file format", error.Message);
        Assert.Contains("Markdown", error.Message);
    }

    [Fact]
    public void Every_carrier_marks_Embed_as_a_labeling_step_for_the_analyzers()
    {
        Assert.Equal(Enum.GetValues<MediaFormat>().Where(f => f != MediaFormat.Unknown).Order(), AigcMetadataCarriers.Formats.Order());
        Assert.All(AigcMetadataCarriers.Formats, format =>
        {
            var embed = AigcMetadataCarriers.For(format).GetType().GetMethod(nameof(IAigcMetadataCarrier.Embed))!;
            Assert.NotNull(embed.GetCustomAttributes(typeof(AigcLabelerAttribute), inherit: false).SingleOrDefault());
        });
    }

    [Fact]
    public async Task LabelFileAsync_replaces_the_output_in_one_step()
    {
        using var temp = new TempDirectory();
        File.WriteAllBytes(temp.File("in.png"), TestMedia.Png());
        File.WriteAllBytes(temp.File("out.png"), new byte[] { 1, 2, 3 });
        var labeler = new AigcFileLabeler("ACME");

        await labeler.LabelFileAsync(temp.File("in.png"), temp.File("out.png"));

        Assert.Equal("ACME", labeler.Read(File.ReadAllBytes(temp.File("out.png")))!.ContentProducer);
        Assert.Equal(new[] { "in.png", "out.png" }, Directory.GetFiles(temp.Path).Select(Path.GetFileName).Order());
    }

    internal static byte[] Sample(string format) => format switch
    {
        "png" => TestMedia.Png(),
        "jpeg" => TestMedia.Jpeg(),
        "wav" => TestMedia.Wav(),
        "mp3" => TestMedia.Mp3(),
        "mp3+id3" => TestMedia.Mp3(id3Title: "Song"),
        "md" => TestMedia.Markdown(),
        "docx" => TestMedia.Docx(),
        "webp" => TestMedia.Webp(),
        "flac" => TestMedia.Flac(),
        "pdf" => HandBuiltPdf.ByPdfPig("Report"),
        "tiff" => TestMedia.Tiff(),
        "gif" => TestMedia.Gif(),
        "avi" => TestMedia.Avi(),
        "opus" => HandBuiltOgg.Opus(),
        "mp4" => HandBuiltMp4.Build(moovFirst: true),
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };

    /// <summary>A file name for formats recognised by name only (Markdown).</summary>
    internal static string FileName(string format) => "sample." + format;

    private static int CountOccurrences(byte[] haystack, string needle)
    {
        var pattern = System.Text.Encoding.ASCII.GetBytes(needle);
        var count = 0;
        for (var i = haystack.AsSpan().IndexOf(pattern); i >= 0;)
        {
            count++;
            var next = haystack.AsSpan(i + 1).IndexOf(pattern);
            i = next < 0 ? -1 : i + 1 + next;
        }

        return count;
    }
}
