using System.Text;
using DeepSynth.Compliance.Metadata;
using DeepSynth.Compliance.Tests.Support;
using TagLib;

namespace DeepSynth.Compliance.Tests.Metadata;

public class FlacAigcCarrierTests
{
    private readonly FlacAigcCarrier _carrier = new();

    [Fact]
    public void TagLib_reads_the_AIGC_vorbis_comment_the_sdk_writes()
    {
        var metadata = new AigcMetadataBuilder("ACME").WithProduceId("f-1").Build();

        var labeled = _carrier.Embed(TestMedia.Flac(), metadata);

        using var file = TagLib.File.Create(new Memory(labeled), "audio/flac", ReadStyle.None);
        var xiph = (TagLib.Ogg.XiphComment)file.GetTag(TagTypes.Xiph);
        Assert.Equal(metadata.ToPayloadJson(), xiph.GetFirstField("AIGC"));
        Assert.True(labeled.AsSpan().EndsWith(Encoding.ASCII.GetBytes("FRAMES-STAND-IN")));
    }

    [Fact]
    public void With_padding_the_frames_do_not_move_and_relabeling_keeps_other_comments_in_place()
    {
        var flac = TestMedia.Flac(padding: 4096);
        var once = _carrier.Embed(flac, new AigcMetadataBuilder("ORIG").WithProduceId("o").Build());
        Assert.Equal(flac.Length, once.Length); // the comment block was carved out of the padding

        using (var file = TagLib.File.Create(new Memory(once), "audio/flac", ReadStyle.None))
        {
            // Another tool adds a title after our comment.
            file.Tag.Title = "曲名";
            file.Save();
        }

        var tagged = Memory.Last!;
        var twice = _carrier.Embed(tagged, new AigcMetadataBuilder("PLAT").Build());

        Assert.Single(_carrier.FindSites(twice));
        Assert.Equal("ORIG", _carrier.Read(twice)!.ContentProducer);
        using var read = TagLib.File.Create(new Memory(twice), "audio/flac", ReadStyle.None);
        Assert.Equal("曲名", read.Tag.Title);
        Assert.True(twice.AsSpan().EndsWith(Encoding.ASCII.GetBytes("FRAMES-STAND-IN")));
    }

    [Fact]
    public void A_block_that_runs_past_the_file_is_reported()
    {
        var error = Assert.Throws<AigcMetadataException>(() => _carrier.Read(TestMedia.Flac()[..20]));
        Assert.Contains("Truncated FLAC", error.Message);
    }

    /// <summary>An in-memory file for TagLib; <see cref="Last"/> holds what it saved.</summary>
    private sealed class Memory(byte[] bytes) : TagLib.File.IFileAbstraction
    {
        private readonly MemoryStream _stream = CreateStream(bytes);

        public static byte[]? Last { get; private set; }

        public string Name => "memory.flac";

        public Stream ReadStream => _stream;

        public Stream WriteStream => _stream;

        public void CloseStream(Stream stream) => Last = _stream.ToArray();

        private static MemoryStream CreateStream(byte[] bytes)
        {
            var stream = new MemoryStream();
            stream.Write(bytes);
            stream.Position = 0;
            return stream;
        }
    }
}
