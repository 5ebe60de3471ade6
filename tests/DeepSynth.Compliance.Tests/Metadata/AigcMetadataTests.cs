using System.Text;
using DeepSynth.Compliance.Metadata;

namespace DeepSynth.Compliance.Tests.Metadata;

public class AigcMetadataTests
{
    [Fact]
    public void First_write_copies_the_producer_into_the_propagator_fields()
    {
        var metadata = new AigcMetadataBuilder("ACME-001").WithProduceId("20260901-1").Build();

        Assert.Equal(
            """{"AIGC":{"Label":"1","ContentProducer":"ACME-001","ProduceID":"20260901-1","ReservedCode1":"","ContentPropagator":"ACME-001","PropagateID":"20260901-1","ReservedCode2":""}}""",
            metadata.ToJson());
        Assert.True(metadata.IsConformant);
    }

    [Fact]
    public void Each_build_gets_a_new_content_id()
    {
        var builder = new AigcMetadataBuilder("ACME-001");
        var ids = Enumerable.Range(0, 200).Select(_ => builder.Build().ProduceId).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(ids, id => Assert.True(AigcMetadataBuilder.IsValidValue(id)));
    }

    [Theory]
    [InlineData("阿克米公司")]
    [InlineData("ACME 001")]
    [InlineData("ACME\"001")]
    [InlineData("ACME\\001")]
    [InlineData("")]
    public void Producer_codes_outside_the_annex_character_set_are_rejected(string code)
    {
        var error = Assert.Throws<ArgumentException>(() => new AigcMetadataBuilder(code));
        Assert.Contains("contentProducer", error.Message);
    }

    [Theory]
    [InlineData("""{"AIGC":{"Label":"2","ContentProducer":"X","ProduceID":"1","ReservedCode1":"","ContentPropagator":"Y","PropagateID":"2","ReservedCode2":""}}""")]
    [InlineData("""{ "AIGC" : { "Label" : "2" , "ContentProducer" : "X", "ProduceID":"1", "ReservedCode1":"", "ContentPropagator":"Y", "PropagateID":"2", "ReservedCode2":"" } }""")]
    [InlineData("""{"Label":"2","ContentProducer":"X","ProduceID":"1","ReservedCode1":"","ContentPropagator":"Y","PropagateID":"2","ReservedCode2":""}""")]
    [InlineData("""{"aigc":{"label":"2","contentproducer":"X","produceid":"1","reservedcode1":"","contentpropagator":"Y","propagateid":"2","reservedcode2":""}}""")]
    public void Parses_what_other_producers_write(string json)
    {
        var metadata = AigcMetadata.Parse(json);
        Assert.Equal(AigcLabelKind.PossiblyGenerated, metadata.LabelKind);
        Assert.Equal("X", metadata.ContentProducer);
        Assert.Equal("Y", metadata.ContentPropagator);
        Assert.True(metadata.IsConformant, string.Join(" ", metadata.Problems));
    }

    [Fact]
    public void Non_conformant_metadata_is_read_with_its_problems_listed()
    {
        var metadata = AigcMetadata.Parse("""{"AIGC":{"Label":1,"ContentProducer":"某公司","ProduceID":"1"}}""");
        Assert.Equal("1", metadata.Label);
        Assert.Contains(metadata.Problems, p => p.Contains("Label is a JSON Number"));
        Assert.Contains(metadata.Problems, p => p.Contains("ContentProducer") && p.Contains("printable ASCII"));
        Assert.Contains(metadata.Problems, p => p.Contains("ReservedCode2 is missing"));
    }

    [Theory]
    [InlineData("not json", "not valid JSON")]
    [InlineData("[1]", "must be a JSON object")]
    [InlineData("""{"Other":"x"}""", "no AIGC \"Label\"")]
    public void Malformed_metadata_fails_with_a_clear_error(string json, string expected)
    {
        var error = Assert.Throws<AigcMetadataException>(() => AigcMetadata.Parse(json));
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Non_utf8_bytes_are_rejected()
    {
        var bytes = Encoding.UTF8.GetBytes("""{"AIGC":{"Label":"1","ContentProducer":"X""").Concat(new byte[] { 0xC3, 0x28 }).Concat(Encoding.UTF8.GetBytes("\"}}")).ToArray();
        var error = Assert.Throws<AigcMetadataException>(() => AigcMetadata.Parse(bytes));
        Assert.Contains("UTF-8", error.Message);
    }

    [Fact]
    public void Huge_metadata_is_rejected_before_parsing()
    {
        var json = """{"AIGC":{"Label":"1","ContentProducer":"X","ProduceID":"1","Padding":" """ + new string('a', 20_000) + "\"}}";
        var error = Assert.Throws<AigcMetadataException>(() => AigcMetadata.Parse(json));
        Assert.Contains("more than 16384 bytes", error.Message);
    }

    [Fact]
    public void Relabel_keeps_the_first_producer_and_every_field()
    {
        var existing = AigcMetadata.Parse("""{"AIGC":{"Label":"2","ContentProducer":"ORIG","ProduceID":"o-1","ReservedCode1":"r1","ContentPropagator":"PLAT","PropagateID":"p-1","ReservedCode2":"r2","Vendor":"v"}}""");
        var requested = new AigcMetadataBuilder("ACME").WithProduceId("a-1").Build();

        var merged = AigcMetadata.Relabel(existing, requested);

        Assert.Equal("1", merged.Label); // the more certain label wins
        Assert.Equal("ORIG", merged.ContentProducer);
        Assert.Equal("o-1", merged.ProduceId);
        Assert.Equal("r1", merged.ReservedCode1);
        Assert.Equal("ACME", merged.ContentPropagator);
        Assert.Equal("a-1", merged.PropagateId);
        Assert.Equal("r2", merged.ReservedCode2);
        Assert.Equal("v", merged["Vendor"]);
    }

    [Fact]
    public void Producer_relabeling_its_own_file_keeps_a_platform_propagation()
    {
        var produced = new AigcMetadataBuilder("ACME").WithProduceId("a-1").Build();
        var propagated = produced.WithPropagation("PLAT", "p-9");

        var again = AigcMetadata.Relabel(propagated, new AigcMetadataBuilder("ACME").WithProduceId("a-2").Build());

        Assert.Equal("a-1", again.ProduceId);
        Assert.Equal("PLAT", again.ContentPropagator);
        Assert.Equal("p-9", again.PropagateId);
    }
}
