using DeepSynth.Compliance.Metadata;
using DeepSynth.Compliance.Propagation;
using DeepSynth.Compliance.Tests.Support;

namespace DeepSynth.Compliance.Tests.Propagation;

public class PropagationInspectorTests
{
    private readonly PropagationInspector _platform = new("PLATFORM-9");

    [Theory]
    [InlineData("1", PropagationClassification.Generated, "属于")]
    [InlineData("2", PropagationClassification.PossiblyGenerated, "可能为")]
    [InlineData("3", PropagationClassification.SuspectedGenerated, "疑似")]
    public void Classifies_by_the_label_in_the_metadata(string label, PropagationClassification expected, string word)
    {
        var json = $$$"""{"AIGC":{"Label":"{{{label}}}","ContentProducer":"ACME","ProduceID":"a-1","ReservedCode1":"","ContentPropagator":"ACME","PropagateID":"a-1","ReservedCode2":""}}""";
        var upload = new PngAigcCarrier().Embed(TestMedia.Png(), AigcMetadata.Parse(json));

        var inspection = _platform.Inspect(upload);

        Assert.Equal(expected, inspection.Classification);
        Assert.Contains(word, inspection.Notice);
        Assert.Contains("AI", inspection.Notice);
    }

    [Fact]
    public void Without_metadata_a_declaration_means_possibly_and_detection_means_suspected()
    {
        var upload = TestMedia.Jpeg();
        Assert.Equal(PropagationClassification.NotIdentified, _platform.Inspect(upload).Classification);
        Assert.Null(_platform.Inspect(upload).Notice);
        Assert.Equal(PropagationClassification.PossiblyGenerated, _platform.Inspect(upload, new UploadSignals { DeclaredGenerated = true }).Classification);
        Assert.Equal(PropagationClassification.SuspectedGenerated, _platform.Inspect(upload, new UploadSignals { DetectedGenerationTraces = true }).Classification);
    }

    [Fact]
    public void Appending_propagation_keeps_the_producer_and_names_the_platform()
    {
        var produced = new AigcMetadataBuilder("ACME").WithProduceId("a-1").Build();
        var upload = new Mp3AigcCarrier().Embed(TestMedia.Mp3(), produced);

        var published = _platform.AppendPropagation(upload, _platform.Inspect(upload));

        var read = new Mp3AigcCarrier().Read(published)!;
        Assert.Equal("ACME", read.ContentProducer);
        Assert.Equal("a-1", read.ProduceId);
        Assert.Equal("PLATFORM-9", read.ContentPropagator);
        Assert.NotEqual("a-1", read.PropagateId);
    }

    [Fact]
    public void A_declared_upload_without_metadata_gets_label_2_and_platform_fields()
    {
        var upload = TestMedia.Wav();
        var inspection = _platform.Inspect(upload, new UploadSignals { DeclaredGenerated = true });

        var read = new WavAigcCarrier().Read(_platform.AppendPropagation(upload, inspection))!;

        Assert.Equal(AigcLabelKind.PossiblyGenerated, read.LabelKind);
        Assert.Equal("PLATFORM-9", read.ContentPropagator);
        Assert.True(read.IsConformant, string.Join(" ", read.Problems));
    }

    [Fact]
    public void Unidentified_uploads_are_published_unchanged()
    {
        var upload = TestMedia.Png();
        Assert.Same(upload, _platform.AppendPropagation(upload, _platform.Inspect(upload)));
    }

    [Fact]
    public void Malformed_metadata_is_reported_and_treated_as_a_trace()
    {
        var upload = Metadata.PngAigcCarrierTests.InsertChunk(TestMedia.Png(), "tEXt", System.Text.Encoding.Latin1.GetBytes("AIGC\0{broken"));
        var inspection = _platform.Inspect(upload);
        Assert.Equal(PropagationClassification.SuspectedGenerated, inspection.Classification);
        Assert.Contains(inspection.Problems, p => p.Contains("not valid JSON"));
    }
}
