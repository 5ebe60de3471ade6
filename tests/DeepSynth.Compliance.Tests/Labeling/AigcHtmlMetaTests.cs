using DeepSynth.Compliance.Labeling;
using DeepSynth.Compliance.Metadata;

namespace DeepSynth.Compliance.Tests.Labeling;

public class AigcHtmlMetaTests
{
    [Fact]
    public void Label_puts_one_meta_element_into_the_head_and_reads_back()
    {
        var metadata = new AigcMetadataBuilder("ACME-001").WithProduceId("p-1").Build();
        var html = AigcHtmlMeta.Label("<html><head><title>t</title></head><body>x</body></html>", metadata);

        Assert.StartsWith("<html><head><meta name=\"AIGC\" content=\"{&quot;AIGC&quot;:{&quot;Label&quot;:&quot;1&quot;", html);
        var read = AigcHtmlMeta.Read(html)!;
        Assert.Equal("ACME-001", read.ContentProducer);
        Assert.Equal("p-1", read.ProduceId);
    }

    [Fact]
    public void Relabeling_a_page_keeps_one_element_and_the_first_producer()
    {
        var first = AigcHtmlMeta.Label("<head></head>", new AigcMetadataBuilder("FIRST").WithProduceId("a").Build());
        var second = AigcHtmlMeta.Label(first, new AigcMetadataBuilder("SECOND").WithProduceId("b").Build());

        Assert.Single(System.Text.RegularExpressions.Regex.Matches(second, "name=\"AIGC\""));
        var read = AigcHtmlMeta.Read(second)!;
        Assert.Equal("FIRST", read.ContentProducer);
        Assert.Equal("SECOND", read.ContentPropagator);
    }

    [Fact]
    public void Reads_meta_elements_written_by_others_with_single_quotes_and_spacing()
    {
        var html = "<meta content='{\"AIGC\": {\"Label\": \"1\", \"ContentProducer\": \"X\", \"ProduceID\": \"1\"}}' name=AIGC>";
        Assert.Equal("X", AigcHtmlMeta.Read(html)!.ContentProducer);
        Assert.Null(AigcHtmlMeta.Read("<meta name=\"description\" content=\"x\">"));
    }
}
