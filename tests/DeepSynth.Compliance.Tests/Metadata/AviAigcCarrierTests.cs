using System.Text;
using DeepSynth.Compliance.Metadata;
using DeepSynth.Compliance.Tests.Support;

namespace DeepSynth.Compliance.Tests.Metadata;

public class AviAigcCarrierTests
{
    private readonly AviAigcCarrier _carrier = new();

    [Fact]
    public void The_INFO_list_grows_into_the_JUNK_after_it_so_the_movi_list_does_not_move()
    {
        var avi = TestMedia.Avi(info: true, junk: 400);
        var movi = Encoding.ASCII.GetString(avi).IndexOf("movi", StringComparison.Ordinal);
        var metadata = new AigcMetadataBuilder("ACME").WithProduceId("a-1").Build();

        var labeled = _carrier.Embed(avi, metadata);

        Assert.Equal(avi.Length, labeled.Length);
        Assert.Equal(avi[(movi - 8)..], labeled[(movi - 8)..]);
        var site = Assert.Single(_carrier.FindSites(labeled));
        Assert.Equal("AVI LIST/INFO AIGC", site.Location);
        Assert.Equal(metadata.ToPayloadJson(), Encoding.UTF8.GetString(site.Text));
        Assert.Contains("ISFT", Encoding.ASCII.GetString(labeled[..movi]));
    }

    [Fact]
    public void Without_INFO_or_JUNK_a_single_riff_file_gets_the_list_at_its_end()
    {
        var avi = TestMedia.Avi(info: false, junk: 0);

        var labeled = _carrier.Embed(avi, new AigcMetadataBuilder("ACME").Build());

        Assert.Equal(avi[8..], labeled[8..avi.Length]);
        Assert.Equal(labeled.Length - 8, BitConverter.ToInt32(labeled, 4));
        Assert.Equal("ACME", _carrier.Read(labeled)!.ContentProducer);
    }

    [Fact]
    public void An_INFO_list_without_room_is_refused_rather_than_moving_the_media()
    {
        var error = Assert.Throws<AigcMetadataException>(() => _carrier.Embed(TestMedia.Avi(info: true, junk: 0), new AigcMetadataBuilder("ACME").Build()));
        Assert.Contains("cannot grow in place", error.Message);
    }
}
