using System.Text.Json;
using DeepSynth.Compliance.Metadata;
using DeepSynth.Compliance.Tests.Support;

namespace DeepSynth.Compliance.Tests.Interop;

/// <summary>MP4/M4A labels read back by ffprobe, and labels ffmpeg writes read by the SDK (skipped without ffmpeg).</summary>
public class FfmpegInteropTests
{
    [ToolFact("ffmpeg", "ffprobe")]
    public void Ffprobe_reads_the_label_the_sdk_writes_into_a_fast_start_m4a_and_the_audio_decodes_the_same()
    {
        using var temp = new TempDirectory();
        var input = temp.File("in.m4a");
        Assert.Equal(0, ExternalTool.Run("ffmpeg", "-v", "error", "-f", "lavfi", "-i", "sine=frequency=440:duration=0.3", "-c:a", "aac", "-movflags", "+faststart", input).Exit);
        var metadata = new AigcMetadataBuilder("ACME").WithProduceId("m-1").Build();
        var output = temp.File("out.m4a");
        File.WriteAllBytes(output, new Mp4AigcCarrier().Embed(File.ReadAllBytes(input), metadata));

        var probe = ExternalTool.Run("ffprobe", "-v", "error", "-show_entries", "format_tags=AIGC", "-of", "json", output);
        Assert.Equal(0, probe.Exit);
        using var json = JsonDocument.Parse(probe.Output);
        Assert.Equal(metadata.ToPayloadJson(), json.RootElement.GetProperty("format").GetProperty("tags").GetProperty("AIGC").GetString());
        Assert.Equal(DecodedMd5(input), DecodedMd5(output)); // the stco shift keeps every sample where the decoder finds it
    }

    [ToolFact("ffmpeg")]
    public void The_sdk_reads_a_label_ffmpeg_wrote_with_use_metadata_tags()
    {
        using var temp = new TempDirectory();
        var path = temp.File("ff.mp4");
        var run = ExternalTool.Run("ffmpeg", "-v", "error", "-f", "lavfi", "-i", "sine=duration=0.2", "-c:a", "aac",
            "-movflags", "use_metadata_tags", "-metadata", "AIGC=" + HandBuiltLabels.DoubaoJson, path);
        Assert.Equal(0, run.Exit);

        var inspection = AigcLabelInspector.Inspect(File.ReadAllBytes(path));

        Assert.Equal(AigcVerdict.Compliant, inspection.Verdict);
        Assert.Equal("MP4 moov.udta.meta (mdta) key AIGC", inspection.Labels.Single().Site.Location);
        Assert.Equal("db-7f3a", inspection.Label!.ProduceId);
    }

    [ToolFact("ffmpeg")]
    public void Ffmpeg_without_use_metadata_tags_drops_the_label_and_the_inspector_says_so()
    {
        using var temp = new TempDirectory();
        var source = temp.File("labeled.m4a");
        Assert.Equal(0, ExternalTool.Run("ffmpeg", "-v", "error", "-f", "lavfi", "-i", "sine=duration=0.2", "-c:a", "aac", source).Exit);
        File.WriteAllBytes(source, new Mp4AigcCarrier().Embed(File.ReadAllBytes(source), new AigcMetadataBuilder("ACME").Build()));
        var copy = temp.File("copy.m4a");
        Assert.Equal(0, ExternalTool.Run("ffmpeg", "-v", "error", "-i", source, "-c", "copy", copy).Exit);

        Assert.Equal(AigcVerdict.Compliant, AigcLabelInspector.Inspect(File.ReadAllBytes(source)).Verdict);
        Assert.Equal(AigcVerdict.NotFound, AigcLabelInspector.Inspect(File.ReadAllBytes(copy)).Verdict);
    }

    [ToolFact("ffmpeg", "ffprobe")]
    public void Ffprobe_reads_the_flac_vorbis_comment_and_ffmpeg_written_flac_labels_are_read()
    {
        using var temp = new TempDirectory();
        var input = temp.File("in.flac");
        Assert.Equal(0, ExternalTool.Run("ffmpeg", "-v", "error", "-f", "lavfi", "-i", "sine=duration=0.3", "-metadata", "title=Tone", input).Exit);
        var metadata = new AigcMetadataBuilder("ACME").WithProduceId("f-1").Build();
        var output = temp.File("out.flac");
        File.WriteAllBytes(output, new FlacAigcCarrier().Embed(File.ReadAllBytes(input), metadata));

        var probe = ExternalTool.Run("ffprobe", "-v", "error", "-show_entries", "format_tags", "-of", "json", output);
        using var json = JsonDocument.Parse(probe.Output);
        var tags = json.RootElement.GetProperty("format").GetProperty("tags");
        Assert.Equal(metadata.ToPayloadJson(), tags.GetProperty("AIGC").GetString());
        Assert.Equal("Tone", tags.GetProperty("title").GetString());
        Assert.Equal(DecodedMd5(input), DecodedMd5(output));

        var byFfmpeg = temp.File("ff.flac");
        Assert.Equal(0, ExternalTool.Run("ffmpeg", "-v", "error", "-i", input, "-metadata", "AIGC=" + HandBuiltLabels.DoubaoJson, byFfmpeg).Exit);
        Assert.Equal("db-7f3a", AigcLabelInspector.Inspect(File.ReadAllBytes(byFfmpeg)).Label!.ProduceId);
    }

    [ToolFact("ffmpeg", "ffprobe")]
    public void Ffprobe_reads_the_avi_INFO_entry_and_the_video_decodes_the_same()
    {
        using var temp = new TempDirectory();
        var input = temp.File("in.avi");
        Assert.Equal(0, ExternalTool.Run("ffmpeg", "-v", "error", "-f", "lavfi", "-i", "testsrc=size=32x32:rate=5:duration=0.4", "-c:v", "mjpeg", input).Exit);
        var metadata = new AigcMetadataBuilder("ACME").WithProduceId("v-1").Build();
        var output = temp.File("out.avi");
        File.WriteAllBytes(output, new AviAigcCarrier().Embed(File.ReadAllBytes(input), metadata));

        var probe = ExternalTool.Run("ffprobe", "-v", "error", "-show_entries", "format_tags", "-of", "json", output);
        using var json = JsonDocument.Parse(probe.Output);
        Assert.Equal(metadata.ToPayloadJson(), json.RootElement.GetProperty("format").GetProperty("tags").GetProperty("AIGC").GetString());
        Assert.Equal(DecodedMd5(input), DecodedMd5(output));
        Assert.Equal(new FileInfo(input).Length, new FileInfo(output).Length); // grown into ffmpeg's JUNK chunk
    }

    [ToolFact("ffmpeg", "ffprobe")]
    public void Ffprobe_reads_the_ogg_opus_and_vorbis_comment_and_the_audio_decodes_the_same()
    {
        using var temp = new TempDirectory();
        foreach (var (name, codec) in new[] { ("in.opus", "libopus"), ("in.ogg", "libvorbis") })
        {
            var input = temp.File(name);
            Assert.Equal(0, ExternalTool.Run("ffmpeg", "-v", "error", "-f", "lavfi", "-i", "sine=duration=0.5", "-c:a", codec, "-metadata", "title=Tone", input).Exit);
            var metadata = new AigcMetadataBuilder("ACME").WithProduceId("o-1").Build();
            var output = temp.File("out-" + name);
            File.WriteAllBytes(output, new OggAigcCarrier().Embed(File.ReadAllBytes(input), metadata));

            var probe = ExternalTool.Run("ffprobe", "-v", "error", "-show_entries", "stream_tags", "-of", "json", output);
            using var json = JsonDocument.Parse(probe.Output);
            var tags = json.RootElement.GetProperty("streams")[0].GetProperty("tags");
            Assert.Equal(metadata.ToPayloadJson(), tags.GetProperty("AIGC").GetString());
            Assert.Equal("Tone", tags.GetProperty("title").GetString());
            Assert.Equal(DecodedMd5(input), DecodedMd5(output));

            var byFfmpeg = temp.File("ff-" + name);
            Assert.Equal(0, ExternalTool.Run("ffmpeg", "-v", "error", "-i", input, "-c", "copy", "-metadata", "AIGC=" + HandBuiltLabels.DoubaoJson, byFfmpeg).Exit);
            Assert.Equal("db-7f3a", AigcLabelInspector.Inspect(File.ReadAllBytes(byFfmpeg)).Label!.ProduceId);
        }
    }

    private static string DecodedMd5(string path)
    {
        var run = ExternalTool.Run("ffmpeg", "-v", "error", "-i", path, "-f", "md5", "-");
        Assert.True(run.Exit == 0 && run.Error.Length == 0, run.Error);
        return run.Output.Trim();
    }
}
