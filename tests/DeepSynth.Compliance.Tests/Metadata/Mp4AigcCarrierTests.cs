using System.Text;
using DeepSynth.Compliance.Metadata;
using DeepSynth.Compliance.Tests.Support;

namespace DeepSynth.Compliance.Tests.Metadata;

public class Mp4AigcCarrierTests
{
    private readonly Mp4AigcCarrier _carrier = new();

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void The_label_goes_into_moov_udta_meta_and_chunk_offsets_still_point_at_the_samples(bool moovFirst)
    {
        var file = HandBuiltMp4.Build(moovFirst);
        var metadata = new AigcMetadataBuilder("ACME").WithProduceId("v-1").Build();

        var labeled = _carrier.Embed(file, metadata);

        var site = Assert.Single(_carrier.FindSites(labeled));
        Assert.Equal("MP4 moov.udta.meta (mdta) key AIGC", site.Location);
        Assert.Equal(AigcLabelPlacement.Standard, site.Placement);
        Assert.Equal(metadata.ToPayloadJson(), Encoding.UTF8.GetString(site.Text));
        var offsets = HandBuiltMp4.ChunkOffsets(labeled);
        Assert.Equal("SAMPLE-0", Encoding.ASCII.GetString(labeled, (int)offsets[0], 8));
        Assert.Equal("SAMPLE-1", Encoding.ASCII.GetString(labeled, (int)offsets[1], 8));
        Assert.Equal(moovFirst, HandBuiltMp4.ChunkOffsets(file)[0] != offsets[0]);
    }

    [Fact]
    public void An_ffmpeg_style_mdta_meta_keeps_its_other_keys_and_relabeling_updates_in_place()
    {
        var file = HandBuiltMp4.Build(moovFirst: true, HandBuiltMp4.MdtaMeta(("title", "片名"), ("AIGC", HandBuiltLabels.DoubaoJson), ("encoder", "Lavf61")));

        var once = _carrier.Embed(file, new AigcMetadataBuilder("PLAT").Build());
        var twice = _carrier.Embed(once, new AigcMetadataBuilder("PLAT").Build());

        Assert.Equal("db-7f3a", _carrier.Read(file)!.ProduceId);
        var read = _carrier.Read(twice)!;
        Assert.Equal("db-7f3a", read.ProduceId);
        Assert.Equal("PLAT", read.ContentPropagator);
        Assert.Single(_carrier.FindSites(twice));
        var text = Encoding.UTF8.GetString(twice);
        Assert.True(text.IndexOf("title", StringComparison.Ordinal) < text.IndexOf("AIGC", StringComparison.Ordinal), "the key stays in second place");
        Assert.Contains("片名", text);
        Assert.Contains("Lavf61", text);
        Assert.Equal("SAMPLE-0", Encoding.ASCII.GetString(twice, (int)HandBuiltMp4.ChunkOffsets(twice)[0], 8));
    }

    [Fact]
    public void A_label_in_the_quicktime_moov_meta_is_read_as_non_standard()
    {
        var file = HandBuiltMp4.Build(moovFirst: false);
        var moovAt = file.AsSpan().IndexOf("moov"u8) - 4;
        var moov = file[moovAt..];
        var withMeta = HandBuiltMp4.Box("moov", moov[8..], HandBuiltMp4.MdtaMeta(("AIGC", HandBuiltLabels.DoubaoJson)));

        var inspection = AigcLabelInspector.Inspect(file[..moovAt].Concat(withMeta).ToArray());

        Assert.Equal(AigcLabelPlacement.NonStandard, inspection.Labels.Single().Site.Placement);
        Assert.Equal(AigcVerdict.Noncompliant, inspection.Verdict);
    }

    [Fact]
    public void A_box_that_runs_past_the_file_is_reported()
    {
        var file = HandBuiltMp4.Build(moovFirst: true);
        var error = Assert.Throws<AigcMetadataException>(() => _carrier.Read(file[..^4]));
        Assert.Contains("Truncated MP4", error.Message);
    }
}
