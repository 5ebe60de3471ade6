using System.Buffers.Binary;
using System.Text;
using DeepSynth.Compliance.Metadata;
using DeepSynth.Compliance.Tests.Support;

namespace DeepSynth.Compliance.Tests.Metadata;

public class OggAigcCarrierTests
{
    private readonly OggAigcCarrier _carrier = new();

    [Fact]
    public void The_opus_tags_get_the_comment_the_other_comments_stay_and_every_page_checks_out()
    {
        var ogg = HandBuiltOgg.Opus("libopus 1.3", "TITLE=曲名", "ARTIST=X");
        var metadata = new AigcMetadataBuilder("ACME").WithProduceId("o-1").Build();

        var labeled = _carrier.Embed(ogg, metadata);

        var site = Assert.Single(_carrier.FindSites(labeled));
        Assert.Equal("Ogg Opus comment header AIGC=", site.Location);
        Assert.Equal(metadata.ToPayloadJson(), Encoding.UTF8.GetString(site.Text));
        var text = Encoding.UTF8.GetString(labeled);
        Assert.Contains("TITLE=曲名", text);
        Assert.Contains("libopus 1.3", text);
        Assert.Equal(ogg[..47], labeled[..47]); // the OpusHead page is untouched
        var pages = Pages(labeled);
        Assert.Equal(new uint[] { 0, 1, 2, 3 }, pages.Select(p => BinaryPrimitives.ReadUInt32LittleEndian(p.AsSpan(18))));
        Assert.All(pages, page =>
        {
            var stored = BinaryPrimitives.ReadUInt32LittleEndian(page.AsSpan(22));
            var zeroed = (byte[])page.Clone();
            BinaryPrimitives.WriteUInt32LittleEndian(zeroed.AsSpan(22), 0);
            Assert.Equal(HandBuiltOgg.BitwiseCrc(zeroed), stored);
        });
        Assert.True(labeled.AsSpan().EndsWith(ogg.AsSpan(ogg.Length - Pages(ogg)[^1].Length))); // audio pages unchanged
    }

    [Fact]
    public void A_damaged_page_is_reported()
    {
        var ogg = HandBuiltOgg.Opus();
        ogg[60] ^= 0x20;
        var error = Assert.Throws<AigcMetadataException>(() => _carrier.Read(ogg));
        Assert.Contains("CRC", error.Message);
    }

    private static List<byte[]> Pages(byte[] ogg)
    {
        var pages = new List<byte[]>();
        for (var at = 0; at < ogg.Length;)
        {
            var segments = ogg[at + 26];
            var length = 27 + segments + ogg.AsSpan(at + 27, segments).ToArray().Sum(b => b);
            pages.Add(ogg[at..(at + length)]);
            at += length;
        }

        return pages;
    }
}
