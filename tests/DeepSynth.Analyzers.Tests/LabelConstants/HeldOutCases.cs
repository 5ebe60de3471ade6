namespace DeepSynth.Analyzers.Tests.LabelConstants;

/// <summary>
/// Cases for DSYN010/DSYN011 written before the analyzers were built or tuned, and not used while tuning them: each is a
/// class body (or a Program) and the rules it must report (empty: none). <see cref="HeldOutScoreTests"/> scores them.
/// </summary>
internal static class HeldOutCases
{
    public sealed record Case(string Name, string Code, params string[] Expected);

    public static readonly Case[] All =
    {
        // DSYN010: label texts that lack an element.
        new("options initializer, bare AI", """
            class C { object M() => new DeepSynth.Compliance.Labeling.TextLabelOptions { Text = "AI" }; }
            """, "DSYN010"),
        new("options property set in the registration lambda", """
            class C { void M(Microsoft.Extensions.DependencyInjection.IServiceCollection s) => Microsoft.Extensions.DependencyInjection.ComplianceServiceCollectionExtensions.AddDeepSynthCompliance(s, o => o.Label.Text = "智能助手回复"); }
            """, "DSYN010"),
        new("image text via const field", """
            class C { const string Badge = "人工智能"; void M(DeepSynth.Compliance.Imaging.ImageLabelOptions o) { o.Text = Badge; } }
            """, "DSYN010"),
        new("concatenated constants", """
            class C { const string Prefix = "机器"; void M(DeepSynth.Compliance.ComplianceOptions o) { o.Label.Text = Prefix + "生成"; } }
            """, "DSYN010"),
        new("LabelText.Parse of a constant", """
            class C { object M() => DeepSynth.Compliance.Labeling.LabelText.Parse("Generated"); }
            """, "DSYN010"),
        new("interpolation of constants", """
            class C { const string Ai = "AI"; void M(DeepSynth.Compliance.Labeling.TextLabelOptions o) { o.Text = $"{Ai}助手"; } }
            """, "DSYN010"),
        new("in-memory configuration key", """
            class C { object M() => new Dictionary<string, string?> { ["DeepSynth:Label:Text"] = "AI" }; }
            """, "DSYN010"),
        // DSYN010 negatives.
        new("standard label", """
            class C { object M() => new DeepSynth.Compliance.Labeling.TextLabelOptions { Text = "AI生成" }; }
            """),
        new("long form label", """
            class C { void M(DeepSynth.Compliance.ComplianceOptions o) { o.Image.Text = "本图片由人工智能合成"; } }
            """),
        new("label text from configuration, not a constant", """
            class C { void M(DeepSynth.Compliance.ComplianceOptions o, string fromConfig) { o.Label.Text = fromConfig; } }
            """),
        new("a Text property of another type", """
            class Other { public string Text { get; set; } = ""; } class C { object M() => new Other { Text = "AI" }; }
            """),
        new("the separator and format of the label options", """
            class C { object M() => new DeepSynth.Compliance.Labeling.TextLabelOptions { Separator = " ", Format = "[{0}]" }; }
            """),
        new("a generated answer passed to the labeler", """
            class C { string M(DeepSynth.Compliance.Labeling.IAigcTextLabeler l) => l.Label("AI"); }
            """),

        // DSYN011: constant metadata that breaks Annex E.
        new("Chinese producer name in the builder", """
            class C { object M() => new DeepSynth.Compliance.Metadata.AigcMetadataBuilder("深度合成科技有限公司").Build(); }
            """, "DSYN011"),
        new("produce id with a space", """
            class C { object M() => new DeepSynth.Compliance.Metadata.AigcMetadataBuilder("ACME").WithProduceId("id 42").Build(); }
            """, "DSYN011"),
        new("label kind 4", """
            class C { object M() => new DeepSynth.Compliance.Metadata.AigcMetadataBuilder("ACME").WithLabel((DeepSynth.Compliance.Metadata.AigcLabelKind)4); }
            """, "DSYN011"),
        new("provider code with a quote", """
            class C { void M(DeepSynth.Compliance.ComplianceOptions o) { o.ProviderCode = "ACME\"CN"; } }
            """, "DSYN011"),
        new("JSON text with label 0", """
            class C { const string Json = "{\"AIGC\":{\"Label\":\"0\",\"ContentProducer\":\"ACME\",\"ProduceID\":\"1\",\"ReservedCode1\":\"\",\"ContentPropagator\":\"ACME\",\"PropagateID\":\"1\",\"ReservedCode2\":\"\"}}"; }
            """, "DSYN011"),
        new("JSON text missing the producer fields", """
            class C { object M() => DeepSynth.Compliance.Metadata.AigcMetadata.Parse("{\"AIGC\":{\"Label\":\"1\"}}"); }
            """, "DSYN011"),
        new("raw JSON with a Chinese propagator", """"
            class C { string M() => """{"AIGC":{"Label":"1","ContentProducer":"ACME","ProduceID":"7","ReservedCode1":"","ContentPropagator":"某平台","PropagateID":"7","ReservedCode2":""}}"""; }
            """", "DSYN011"),
        new("propagation code with a backslash", """
            class C { object M(DeepSynth.Compliance.Metadata.AigcMetadata m) => m.WithPropagation("PLAT\\1"); }
            """, "DSYN011"),
        // DSYN011 negatives.
        new("valid builder", """
            class C { object M() => new DeepSynth.Compliance.Metadata.AigcMetadataBuilder("ACME-202501").WithProduceId("20260901-0001").WithLabel(DeepSynth.Compliance.Metadata.AigcLabelKind.SuspectedGenerated).Build(); }
            """),
        new("valid JSON text", """
            class C { const string Json = "{\"AIGC\":{\"Label\":\"2\",\"ContentProducer\":\"ACME\",\"ProduceID\":\"1\",\"ReservedCode1\":\"\",\"ContentPropagator\":\"ACME\",\"PropagateID\":\"1\",\"ReservedCode2\":\"\"}}"; }
            """),
        new("a JSON text without an AIGC key", """
            class C { const string Json = "{\"Label\":\"9\",\"Producer\":\"某公司\"}"; }
            """),
        new("producer code from a variable", """
            class C { object M(string code) => new DeepSynth.Compliance.Metadata.AigcMetadataBuilder(code).Build(); }
            """),
        new("prose that mentions AIGC", """
            class C { const string Help = "The AIGC label is added to every file {automatically}."; }
            """),
    };
}
