using DeepSynth.Compliance.Metadata;
using DeepSynth.Compliance.Tests.Support;
using TagLib;
using TagLib.Id3v2;

namespace DeepSynth.Compliance.Tests.Metadata;

public class Mp3AigcCarrierTests
{
    private readonly Mp3AigcCarrier _carrier = new();

    [Fact]
    public void TagLib_reads_the_txxx_frame_and_keeps_other_frames_and_audio()
    {
        var metadata = new AigcMetadataBuilder("ACME-001").WithProduceId("p-1").Build();
        var labeled = _carrier.Embed(TestMedia.Mp3(id3Title: "Song"), metadata);

        using var file = Open(labeled);
        var tag = (TagLib.Id3v2.Tag)file.GetTag(TagTypes.Id3v2);
        Assert.Equal(metadata.ToPayloadJson(), UserTextInformationFrame.Get(tag, "AIGC", false).Text.Single());
        Assert.Equal("Song", file.Tag.Title);
        Assert.Equal(44100, file.Properties.AudioSampleRate);
        Assert.Equal(128, file.Properties.AudioBitrate);
        Assert.True(file.Properties.Duration > TimeSpan.FromMilliseconds(900));
    }

    [Fact]
    public void Reads_a_utf16_txxx_frame_written_by_TagLib()
    {
        var mp3 = TestMedia.Mp3();
        using var file = Open(mp3, out var stream);
        var tag = (TagLib.Id3v2.Tag)file.GetTag(TagTypes.Id3v2, create: true);
        tag.Version = 3;
        var frame = UserTextInformationFrame.Get(tag, "AIGC", true);
        frame.TextEncoding = StringType.UTF16;
        frame.Text = new[] { """{"AIGC": {"Label": "1", "ContentProducer": "TAGLIB", "ProduceID": "t-1"}}""" };
        file.Save();

        Assert.Equal("TAGLIB", _carrier.Read(stream.ToArray())!.ContentProducer);
    }

    [Fact]
    public void The_tag_ends_in_zero_padding_after_the_last_frame_and_relabeling_fits_in_place()
    {
        // exiftool warns "Invalid ID3 frame size" when the audio sync follows the last frame directly.
        var labeled = _carrier.Embed(TestMedia.Mp3(), new AigcMetadataBuilder("ACME").WithProduceId("p-1").Build());
        var size = (labeled[6] << 21) | (labeled[7] << 14) | (labeled[8] << 7) | labeled[9];
        var frameSize = (labeled[14] << 24) | (labeled[15] << 16) | (labeled[16] << 8) | labeled[17];
        Assert.Equal("TXXX", System.Text.Encoding.ASCII.GetString(labeled, 10, 4));
        Assert.True(size - (10 + frameSize) >= 256, $"padding is {size - (10 + frameSize)} bytes");
        Assert.All(labeled[(20 + frameSize)..(10 + size)], b => Assert.Equal(0, b));
        Assert.Equal(0xFF, labeled[10 + size]); // the audio starts right after the tag

        var relabeled = _carrier.Embed(labeled, new AigcMetadataBuilder("ACME").WithProduceId("p-2").Build());
        Assert.Equal(labeled.Length, relabeled.Length);
        Assert.Equal(labeled[(10 + size)..], relabeled[(10 + size)..]);
    }

    [Fact]
    public void Truncated_id3_tag_is_reported()
    {
        var mp3 = TestMedia.Mp3(id3Title: "Song");
        var error = Assert.Throws<AigcMetadataException>(() => _carrier.Read(mp3[..20]));
        Assert.Contains("Truncated MP3", error.Message);
    }

    [Fact]
    public void Not_an_mp3_is_reported()
    {
        var error = Assert.Throws<AigcMetadataException>(() => _carrier.Read(new byte[100]));
        Assert.Contains("Not an MP3", error.Message);
    }

    private static TagLib.File Open(byte[] bytes) => Open(bytes, out _);

    private static TagLib.File Open(byte[] bytes, out MemoryStream stream)
    {
        stream = new MemoryStream();
        stream.Write(bytes);
        stream.Position = 0;
        return TagLib.File.Create(new MemoryAbstraction(stream), "audio/mpeg", ReadStyle.Average);
    }

    private sealed class MemoryAbstraction(MemoryStream stream) : TagLib.File.IFileAbstraction
    {
        public string Name => "memory.mp3";

        public Stream ReadStream => stream;

        public Stream WriteStream => stream;

        public void CloseStream(Stream stream)
        {
            // The test reads the bytes back after TagLib closes; keep the stream alive.
        }
    }
}
