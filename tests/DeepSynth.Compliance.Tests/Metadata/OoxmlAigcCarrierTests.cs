using DeepSynth.Compliance.Metadata;
using DeepSynth.Compliance.Tests.Support;
using DocumentFormat.OpenXml.CustomProperties;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.VariantTypes;

namespace DeepSynth.Compliance.Tests.Metadata;

public class OoxmlAigcCarrierTests
{
    private readonly OoxmlAigcCarrier _carrier = new();

    [Fact]
    public void The_Open_XML_SDK_reads_the_AIGC_custom_property_and_the_body_is_kept()
    {
        var metadata = new AigcMetadataBuilder("ACME").WithProduceId("d-1").Build();

        var labeled = _carrier.Embed(TestMedia.Docx("季度报告"), metadata);

        using var document = WordprocessingDocument.Open(new MemoryStream(labeled), false);
        var property = document.CustomFilePropertiesPart!.Properties.Elements<CustomDocumentProperty>().Single();
        Assert.Equal("AIGC", property.Name!.Value);
        Assert.Equal("{D5CDD505-2E9C-101B-9397-08002B2CF9AE}", property.FormatId!.Value);
        Assert.Equal(metadata.ToPayloadJson(), property.GetFirstChild<VTLPWSTR>()!.Text);
        Assert.Equal("季度报告", document.MainDocumentPart!.Document.Body!.InnerText);
    }

    [Fact]
    public void Other_custom_properties_stay_and_relabeling_keeps_one_property()
    {
        var docx = TestMedia.Docx();
        using (var stream = new MemoryStream())
        {
            stream.Write(docx);
            using (var document = WordprocessingDocument.Open(stream, true))
            {
                var part = document.AddCustomFilePropertiesPart();
                part.Properties = new Properties(new CustomDocumentProperty(new VTLPWSTR("Finance")) { FormatId = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}", PropertyId = 2, Name = "Department" });
            }

            docx = stream.ToArray();
        }

        var twice = _carrier.Embed(_carrier.Embed(docx, new AigcMetadataBuilder("ACME").Build()), new AigcMetadataBuilder("ACME").Build());

        using var read = WordprocessingDocument.Open(new MemoryStream(twice), false);
        var properties = read.CustomFilePropertiesPart!.Properties.Elements<CustomDocumentProperty>().ToList();
        Assert.Equal(new[] { "Department", "AIGC" }, properties.Select(p => p.Name!.Value));
        Assert.Equal(new[] { 2, 3 }, properties.Select(p => p.PropertyId!.Value));
    }

    [Fact]
    public void A_zip_that_is_not_a_package_is_not_ooxml()
    {
        using var buffer = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(buffer, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            zip.CreateEntry("readme.txt");
        }

        Assert.Equal(MediaFormat.Unknown, MediaFormatDetector.Detect(buffer.ToArray()));
    }
}
