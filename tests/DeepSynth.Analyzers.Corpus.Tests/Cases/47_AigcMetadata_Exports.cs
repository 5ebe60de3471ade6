// An export service that builds AIGC metadata with the SDK and, for legacy readers, writes some by hand.
using DeepSynth.Compliance.Metadata;

namespace Exports;

public sealed class ExportLabels
{
    private const string Producer = "ACME-WRITER-2025";

    public const string LegacyHeader = "{\"AIGC\":{\"Label\":\"1\",\"ContentProducer\":\"艾克米写作\",\"ProduceID\":\"legacy\",\"ReservedCode1\":\"\",\"ContentPropagator\":\"艾克米写作\",\"PropagateID\":\"legacy\",\"ReservedCode2\":\"\"}}"; // expect: DSYN011

    public const string Help = "Files exported from ACME carry an AIGC label {see the export docs}.";

    public AigcMetadata ForExport(string exportId) => new AigcMetadataBuilder(Producer).WithProduceId(exportId).Build();

    public AigcMetadata ForDraft() => new AigcMetadataBuilder(Producer).WithProduceId("draft 1").Build(); // expect: DSYN011

    public AigcMetadata Suspected(string id) => new AigcMetadataBuilder(Producer).WithProduceId(id).WithLabel((AigcLabelKind)0).Build(); // expect: DSYN011

    public AigcMetadata Declared(string id) => new AigcMetadataBuilder(Producer).WithProduceId(id).WithLabel(AigcLabelKind.PossiblyGenerated).Build();

    public void Tag(IDictionary<string, string> tags, AigcMetadata metadata)
    {
        tags["AIGC"] = metadata.ToPayloadJson();
        tags["Software"] = "ACME Writer 2.1";
    }

    public void TagFallback(IDictionary<string, string> tags) =>
        tags["AIGC"] = "{\"Label\":\"1\",\"ContentProducer\":\"" + Producer + "\",\"ProduceID\":\"unknown\"}"; // expect: DSYN011

    public AigcMetadata Shared(AigcMetadata metadata) => metadata.WithPropagation("SHARE-PLATFORM-01");

    public AigcMetadata Reparsed(string json) => AigcMetadata.Parse(json);
}
