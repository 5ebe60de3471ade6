using System.Text;
using DeepSynth.Compliance.Metadata;
using DeepSynth.Compliance.Tests.Support;

namespace DeepSynth.Compliance.Tests.Metadata;

public class MarkdownAigcCarrierTests
{
    private readonly MarkdownAigcCarrier _carrier = new();

    [Fact]
    public void A_document_without_front_matter_gets_one_block_in_its_own_line_endings()
    {
        var metadata = new AigcMetadataBuilder("ACME").WithProduceId("m-1").Build();

        var labeled = Encoding.UTF8.GetString(_carrier.Embed(TestMedia.Markdown(), metadata));

        Assert.Equal("---\r\nAIGC: " + metadata.ToPayloadJson() + "\r\n---\r\n# 报告\r\n\r\nGenerated summary.\r\n", labeled);
    }

    [Fact]
    public void Existing_front_matter_keeps_its_keys_and_the_label_is_updated_where_it_stood()
    {
        var markdown = "---\ntitle: Q3\nAIGC: {\"Label\":\"1\",\"ContentProducer\":\"ORIG\",\"ProduceID\":\"o-1\"}\ntags: [a, b]\n---\nBody\n";

        var labeled = Encoding.UTF8.GetString(_carrier.Embed(Encoding.UTF8.GetBytes(markdown), new AigcMetadataBuilder("PLAT").Build()));

        var lines = labeled.Split('\n');
        Assert.Equal("title: Q3", lines[1]);
        Assert.StartsWith("AIGC: {\"Label\":\"1\",\"ContentProducer\":\"ORIG\",\"ProduceID\":\"o-1\"", lines[2]);
        Assert.Equal("tags: [a, b]", lines[3]);
        Assert.EndsWith("---\nBody\n", labeled);
    }

    [Fact]
    public void Reads_a_nested_yaml_mapping_and_a_single_quoted_value()
    {
        var nested = "---\nAIGC:\n  Label: \"2\"\n  ContentProducer: OTHER\n  ProduceID: '9'\n---\n";
        var quoted = "---\nAIGC: '{\"Label\":\"3\",\"ContentProducer\":\"Q\",\"ProduceID\":\"q\"}'\n---\n";

        Assert.Equal(AigcLabelKind.PossiblyGenerated, _carrier.Read(Encoding.UTF8.GetBytes(nested))!.LabelKind);
        Assert.Equal("9", _carrier.Read(Encoding.UTF8.GetBytes(nested))!.ProduceId);
        Assert.Equal("Q", _carrier.Read(Encoding.UTF8.GetBytes(quoted))!.ContentProducer);
    }

    [Fact]
    public void Front_matter_is_recognised_without_a_name_and_other_text_only_by_name()
    {
        Assert.Equal(MediaFormat.Markdown, MediaFormatDetector.Detect("---\nAIGC: {}\n---\n"u8.ToArray()));
        Assert.Equal(MediaFormat.Unknown, MediaFormatDetector.Detect(TestMedia.Markdown()));
        Assert.Equal(MediaFormat.Markdown, MediaFormatDetector.Detect(TestMedia.Markdown(), "notes.md"));
        Assert.Equal(MediaFormat.Unknown, MediaFormatDetector.Detect(new byte[] { 0xFF, 0xFE, 0 }, "binary.md"));
    }
}
