using System.Text;
using DeepSynth.Compliance.Metadata;
using DeepSynth.Compliance.Tests.Support;
using MetadataExtractor;
using MetadataExtractor.Formats.Exif;
using static DeepSynth.Compliance.Tests.Support.HandBuiltLabels;

namespace DeepSynth.Compliance.Tests.Metadata;

/// <summary>The one reader: every site, every problem, on files built by hand the way other producers write them.</summary>
public class AigcLabelInspectorTests
{
    [Fact]
    public void Finds_the_doubao_element_form_in_a_png_xmp_packet_and_calls_it_compliant()
    {
        var png = PngWith(TestMedia.Png(), PngXmpChunk(XmpElement(DoubaoJson)));

        var inspection = AigcLabelInspector.Inspect(png);

        Assert.Equal(AigcVerdict.Compliant, inspection.Verdict);
        var label = Assert.Single(inspection.Labels);
        Assert.Equal("PNG iTXt XML:com.adobe.xmp > XMP TC260:AIGC element", label.Site.Location);
        Assert.Equal(AigcLabelPlacement.Standard, label.Site.Placement);
        Assert.Equal("db-7f3a", inspection.Label!.ProduceId);
        Assert.All(inspection.Checks, c => Assert.True(c.Passed, c.ToString()));
    }

    [Fact]
    public void A_png_tEXt_AIGC_chunk_is_the_annex_B_site_and_passes()
    {
        var inspection = AigcLabelInspector.Inspect(PngWith(TestMedia.Png(), PngTextChunk("AIGC", DoubaoJson)));

        Assert.Equal(AigcVerdict.Compliant, inspection.Verdict);
        Assert.Equal(AigcLabelPlacement.Annex, inspection.Labels.Single().Site.Placement);
        Assert.Equal("TC260-PG-20259A Annex B", inspection.Labels.Single().Site.Clause);
    }

    [Fact]
    public void The_old_iTXt_AIGC_site_is_read_but_reported_as_misplaced()
    {
        var itxt = PngChunk("iTXt", Encoding.ASCII.GetBytes("AIGC\0\0\0\0\0" + DoubaoJson));
        var inspection = AigcLabelInspector.Inspect(PngWith(TestMedia.Png(), itxt));

        Assert.Equal(AigcVerdict.Noncompliant, inspection.Verdict);
        var problem = Assert.Single(inspection.Problems);
        Assert.Equal(AigcLabelCheck.Placement, problem.Check);
        Assert.Contains("CAC 2025-11", problem.Check.Clause);
    }

    [Fact]
    public void Reads_the_jpeg_exif_UserComment_of_annex_B_and_MetadataExtractor_sees_the_same_comment()
    {
        var jpeg = JpegWith(TestMedia.Jpeg(), ExifUserCommentPayload("{\"AIGC\":" + DoubaoJson + "}"));

        var inspection = AigcLabelInspector.Inspect(jpeg);

        Assert.Equal(AigcVerdict.Compliant, inspection.Verdict);
        Assert.Equal("JPEG APP1 Exif > UserComment", inspection.Labels.Single().Site.Location);
        Assert.Equal("001191110108MA01KP2T5U00000", inspection.Label!.ContentProducer);
        var exif = ImageMetadataReader.ReadMetadata(new MemoryStream(jpeg)).OfType<ExifSubIfdDirectory>().Single();
        Assert.Contains("db-7f3a", exif.GetDescription(ExifDirectoryBase.TagUserComment));
    }

    [Fact]
    public void Xmp_attribute_form_is_found_and_reported_as_non_standard()
    {
        var inspection = AigcLabelInspector.Inspect(JpegWith(TestMedia.Jpeg(), JpegXmpPayload(XmpAttribute(DoubaoJson))));

        Assert.Equal(AigcVerdict.Noncompliant, inspection.Verdict);
        Assert.EndsWith("TC260:AIGC attribute", inspection.Labels.Single().Site.Location);
        Assert.Equal(new[] { "AIGC-SITE" }, inspection.Problems.Select(p => p.Check.Id));
    }

    [Fact]
    public void Two_labels_are_a_duplicate_and_two_different_ones_also_disagree()
    {
        var other = DoubaoJson.Replace("db-7f3a", "other-1");
        var same = AigcLabelInspector.Inspect(PngWith(TestMedia.Png(), PngXmpChunk(XmpElement(DoubaoJson)), PngTextChunk("AIGC", DoubaoJson)));
        var different = AigcLabelInspector.Inspect(PngWith(TestMedia.Png(), PngXmpChunk(XmpElement(DoubaoJson)), PngTextChunk("AIGC", other)));

        Assert.Equal(2, same.Labels.Count);
        Assert.Equal(new[] { "AIGC-SINGLE" }, same.Problems.Select(p => p.Check.Id));
        Assert.Equal(new[] { "AIGC-SINGLE", "AIGC-AGREE" }, different.Problems.Select(p => p.Check.Id));
        Assert.Equal(AigcVerdict.Noncompliant, different.Verdict);
        Assert.Equal("GB 45438-2025 §6.1 c)", different.Problems.First().Check.Clause);
    }

    [Theory]
    [InlineData("""{"Label":"1","ContentProducer":"","ProduceID":""}""", "AIGC-REQUIRED", "ContentProducer, ProduceID are missing")]
    [InlineData("""{"Label":"4","ContentProducer":"A","ProduceID":"B"}""", "AIGC-LABEL-VALUE", "Label is \"4\"")]
    [InlineData("""{"Label":"1","ContentProducer":"阿克米","ProduceID":"B"}""", "AIGC-CHARSET", "ContentProducer")]
    [InlineData("""{"Label":"1","ContentProducer":"A B","ProduceID":"B"}""", "AIGC-CHARSET", "\"A B\"")]
    [InlineData("""{"AIGC":{}}""", "AIGC-NOT-EMPTY", "no field values")]
    [InlineData("""{"Label":"","ContentProducer":"","ProduceID":"","ReservedCode1":"","ContentPropagator":"","PropagateID":"","ReservedCode2":""}""", "AIGC-NOT-EMPTY", "no field values")]
    [InlineData("""not json""", "AIGC-JSON", "not valid JSON")]
    public void Field_problems_are_reported_with_their_check(string json, string check, string detail)
    {
        var inspection = AigcLabelInspector.Inspect(PngWith(TestMedia.Png(), PngXmpChunk(XmpElement(json))));

        Assert.Equal(AigcVerdict.Noncompliant, inspection.Verdict);
        var problem = Assert.Single(inspection.Problems);
        Assert.Equal(check, problem.Check.Id);
        Assert.Contains(detail, problem.Detail);
        Assert.Equal("GB 45438-2025 Annex E", problem.Check.Clause);
    }

    [Fact]
    public void Unknown_formats_are_not_identified_and_damaged_files_inconclusive_never_an_exception()
    {
        var bitmap = AigcLabelInspector.Inspect("BM\x01\x00\x01\x00 bitmap"u8.ToArray());
        Assert.False(bitmap.IsIdentified);
        Assert.Equal(AigcVerdict.Inconclusive, bitmap.Verdict);

        var truncated = AigcLabelInspector.Inspect(TestMedia.Png()[..40]);
        Assert.Equal(AigcVerdict.Inconclusive, truncated.Verdict);
        Assert.Contains("Truncated PNG", truncated.ContainerError);

        Assert.Equal(AigcVerdict.Inconclusive, AigcLabelInspector.Inspect(Array.Empty<byte>()).Verdict);
    }

    [Fact]
    public void An_unlabeled_file_is_not_found()
    {
        var inspection = AigcLabelInspector.Inspect(TestMedia.Jpeg());
        Assert.Equal(AigcVerdict.NotFound, inspection.Verdict);
        Assert.Equal("AIGC-PRESENT", inspection.Problems.Single().Check.Id);
    }

    [Fact]
    public void Every_check_names_its_clause_in_both_languages()
    {
        Assert.All(AigcLabelCheck.All, c =>
        {
            Assert.False(string.IsNullOrWhiteSpace(c.Clause));
            Assert.Matches("\\p{IsCJKUnifiedIdeographs}", c.TitleZh);
        });
        Assert.Equal(AigcLabelCheck.All.Count, AigcLabelCheck.All.Select(c => c.Id).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(CarrierRoundTripTests.Formats), MemberType = typeof(CarrierRoundTripTests))]
    public void What_the_sdk_writes_is_compliant_at_one_standard_site(string format)
    {
        var labeled = new AigcFileLabeler("ACME-001").Label(CarrierRoundTripTests.Sample(format), new FileLabelRequest { FileName = CarrierRoundTripTests.FileName(format) });

        var inspection = AigcLabelInspector.Inspect(labeled, CarrierRoundTripTests.FileName(format));

        Assert.Equal(AigcVerdict.Compliant, inspection.Verdict);
        Assert.Equal(AigcLabelPlacement.Standard, inspection.Labels.Single().Site.Placement);
        Assert.DoesNotContain("\"AIGC\"", Encoding.UTF8.GetString(inspection.Labels.Single().Site.Text)); // the bare payload
    }
}
