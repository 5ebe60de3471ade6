using System.Text;
using DeepSynth.Compliance.Metadata;
using DeepSynth.Compliance.Tests.Support;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Tokens;

namespace DeepSynth.Compliance.Tests.Metadata;

public class PdfAigcCarrierTests
{
    private readonly PdfAigcCarrier _carrier = new();

    [Fact]
    public void PdfPig_reads_the_Info_AIGC_key_of_the_incremental_update_and_the_other_entries_stay()
    {
        var pdf = HandBuiltPdf.ByPdfPig("季度报告");
        var metadata = new AigcMetadataBuilder("ACME").WithProduceId("d-1").Build();

        var labeled = _carrier.Embed(pdf, metadata);

        Assert.Equal(pdf, labeled[..pdf.Length]); // an incremental update: every original byte stays
        using var document = PdfDocument.Open(labeled);
        Assert.Equal("季度报告", document.Information.Title);
        Assert.Equal("PdfPig", document.Information.Producer);
        Assert.True(document.Information.DocumentInformationDictionary!.TryGet(NameToken.Create("AIGC"), out StringToken aigc));
        Assert.Equal(metadata.ToPayloadJson(), aigc.Data);
        Assert.Equal(1, document.NumberOfPages);
    }

    [Fact]
    public void Relabeling_adds_a_revision_of_the_same_Info_object_and_keeps_one_label()
    {
        var once = _carrier.Embed(HandBuiltPdf.ByPdfPig("T"), new AigcMetadataBuilder("ORIG").WithProduceId("o").Build());
        var twice = _carrier.Embed(once, new AigcMetadataBuilder("PLAT").Build());

        Assert.Single(_carrier.FindSites(twice));
        Assert.Equal("ORIG", _carrier.Read(twice)!.ContentProducer);
        Assert.Equal("PLAT", _carrier.Read(twice)!.ContentPropagator);
        using var document = PdfDocument.Open(twice);
        Assert.True(document.Information.DocumentInformationDictionary!.TryGet(NameToken.Create("AIGC"), out StringToken aigc));
        Assert.Contains("\"ContentPropagator\":\"PLAT\"", aigc.Data);
        Assert.Equal("T", document.Information.Title);
    }

    [Fact]
    public void A_file_with_a_cross_reference_stream_gets_a_stream_section_that_PdfPig_follows()
    {
        var pdf = HandBuiltPdf.WithXrefStream();
        Assert.Equal("HandBuilt", PdfDocument.Open(pdf).Information.Producer);

        var labeled = _carrier.Embed(pdf, new AigcMetadataBuilder("ACME").WithProduceId("x").Build());

        var update = Encoding.Latin1.GetString(labeled, pdf.Length, labeled.Length - pdf.Length);
        Assert.Contains("/Type /XRef", update);
        Assert.DoesNotContain("trailer", update);
        using var document = PdfDocument.Open(labeled);
        Assert.Equal("HandBuilt", document.Information.Producer);
        Assert.True(document.Information.DocumentInformationDictionary!.TryGet(NameToken.Create("AIGC"), out StringToken _));
        Assert.Equal("x", _carrier.Read(labeled)!.ProduceId);
    }

    [Fact]
    public void A_utf16_hex_string_label_from_another_producer_is_read()
    {
        var json = HandBuiltLabels.DoubaoJson;
        var hex = "FEFF" + string.Concat(Encoding.BigEndianUnicode.GetBytes(json).Select(b => b.ToString("X2")));
        var pdf = HandBuiltPdf.WithXrefStream($"<< /Title (\\(draft\\)) /AIGC <{hex}> >>");

        Assert.Equal("db-7f3a", _carrier.Read(pdf)!.ProduceId);
        Assert.Equal("(draft)", PdfDocument.Open(pdf).Information.Title);
    }

    [Fact]
    public void Encrypted_pdfs_are_refused()
    {
        var pdf = Encoding.Latin1.GetString(HandBuiltPdf.WithXrefStream()).Replace("/Info 3 0 R", "/Info 3 0 R /Encrypt 9 0 R");
        var error = Assert.Throws<AigcMetadataException>(() => _carrier.Read(Encoding.Latin1.GetBytes(pdf)));
        Assert.Contains("encrypted", error.Message);
    }
}
