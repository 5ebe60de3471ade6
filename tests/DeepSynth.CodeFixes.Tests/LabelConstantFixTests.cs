using DeepSynth.Analyzers;
using DeepSynth.CodeFixes.Fixes;
using DeepSynth.Compliance.Metadata;
using DeepSynth.TestSupport;
using Microsoft.CodeAnalysis;

namespace DeepSynth.CodeFixes.Tests;

/// <summary>DSYN010 and DSYN011: the fixes write the corrected constant, Fix All corrects every finding, and the SDK accepts the result.</summary>
public class LabelConstantFixTests
{
    private static readonly CodeFixRunner LabelRunner = new(new LabelTextAnalyzer(), new CorrectLabelTextFixProvider());
    private static readonly CodeFixRunner MetadataRunner = new(new AigcMetadataAnalyzer(), new CorrectAigcMetadataFixProvider());

    private const string Labels = """
        using DeepSynth.Compliance;
        using DeepSynth.Compliance.Labeling;
        using DeepSynth.Compliance.Imaging;

        public static class Badges
        {
            public const string Short = "人工智能";
        }

        public static class Setup
        {
            public static object Text() => new TextLabelOptions { Text = "AI" };
            public static void All(ComplianceOptions o)
            {
                o.Label.Text = "智能助手";
                o.Image.Text = Badges.Short;
            }

            public static void Again(ImageLabelOptions image) => image.Text = Badges.Short;
            public static object Parsed() => LabelText.Parse("Generated" + " content");
            public static object Good() => new TextLabelOptions { Text = "AI生成" };
        }
        """;

    [Fact]
    public async Task Fix_all_writes_complete_label_texts_and_a_const_is_corrected_once_at_its_declaration()
    {
        var project = CodeFixRunner.CreateProject(new Dictionary<string, string> { ["Setup.cs"] = Labels });
        Assert.Equal(5, (await LabelRunner.AnalyzeAsync(project)).Count(d => d.Id == "DSYN010"));

        project = await LabelRunner.FixAllAsync(project, "DSYN010", CorrectLabelTextFixProvider.EquivalenceKey);

        var text = (await project.Documents.Single().GetTextAsync()).ToString();
        Assert.Contains("Text = \"AI生成\" }", text);
        Assert.Contains("o.Label.Text = \"AI生成\";", text);
        Assert.Contains("public const string Short = \"人工智能生成\";", text);
        Assert.Contains("o.Image.Text = Badges.Short;", text);
        Assert.Contains("LabelText.Parse(\"AI生成\")", text);
        Assert.Empty(await LabelRunner.AnalyzeAsync(project));
        var compilation = await project.GetCompilationAsync();
        Assert.Empty(compilation!.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        // The SDK accepts every text the fix writes.
        Assert.Equal("人工智能生成", DeepSynth.Compliance.Labeling.LabelText.Parse("人工智能生成").Value);
    }

    [Fact]
    public async Task One_fix_names_the_text_it_writes_and_no_fix_is_offered_where_the_text_is_not_written_as_a_literal()
    {
        var project = CodeFixRunner.CreateProject(new Dictionary<string, string>
        {
            ["Setup.cs"] = """
                public static class Setup
                {
                    const string Prefix = "机器";
                    const string Built = Prefix + "人";
                    public static object Literal() => new DeepSynth.Compliance.Labeling.TextLabelOptions { Text = "AI" };
                    public static object Named() => new DeepSynth.Compliance.Labeling.TextLabelOptions { Text = Built };
                }
                """,
        });
        var diagnostics = (await LabelRunner.AnalyzeAsync(project)).OrderBy(d => d.Location.SourceSpan.Start).ToList();
        Assert.Equal(2, diagnostics.Count);

        var offered = await LabelRunner.OfferedAsync(project, diagnostics[0]);
        Assert.Equal("Use the label text \"AI生成\" (改用标识文字“AI生成”)", Assert.Single(offered).Title);
        Assert.Empty(await LabelRunner.OfferedAsync(project, diagnostics[1]));
    }

    private const string Metadata = """
        using DeepSynth.Compliance.Metadata;

        public static class Labels
        {
            const string Json = "{\"AIGC\":{\"Label\":\"0\",\"ContentProducer\":\"AC ME\",\"ProduceID\":\"42\"}}";
            public static object Builder() => new AigcMetadataBuilder("ACME CN").WithProduceId("order 42").WithLabel((AigcLabelKind)4).Build();
            public static object Parsed() => AigcMetadata.Parse(Json);
            public static void Tag(Dictionary<string, string> tags) => tags["AIGC"] = "{\"Label\":\"1\",\"ContentProducer\":\"ACME\",\"ProduceID\":\"7\"}";
        }
        """;

    [Fact]
    public async Task Fix_all_writes_conforming_metadata_constants_that_the_sdk_reads_as_conformant()
    {
        var project = CodeFixRunner.CreateProject(new Dictionary<string, string>
        {
            ["Labels.cs"] = Metadata,
            ["GlobalUsings.cs"] = "global using System.Collections.Generic;",
        });
        Assert.Equal(5, (await MetadataRunner.AnalyzeAsync(project)).Count(d => d.Id == "DSYN011"));

        project = await MetadataRunner.FixAllAsync(project, "DSYN011", CorrectAigcMetadataFixProvider.EquivalenceKey);

        var text = (await project.Documents.Single(d => d.Name == "Labels.cs").GetTextAsync()).ToString();
        Assert.Contains("new AigcMetadataBuilder(\"ACMECN\").WithProduceId(\"order42\").WithLabel(AigcLabelKind.Generated)", text);
        const string fixedJson = "{\"AIGC\":{\"Label\":\"1\",\"ContentProducer\":\"ACME\",\"ProduceID\":\"42\",\"ReservedCode1\":\"\",\"ContentPropagator\":\"ACME\",\"PropagateID\":\"42\",\"ReservedCode2\":\"\"}}";
        Assert.Contains("const string Json = " + Quoted(fixedJson) + ";", text);
        const string fixedPayload = "{\"Label\":\"1\",\"ContentProducer\":\"ACME\",\"ProduceID\":\"7\",\"ReservedCode1\":\"\",\"ContentPropagator\":\"ACME\",\"PropagateID\":\"7\",\"ReservedCode2\":\"\"}";
        Assert.Contains("tags[\"AIGC\"] = " + Quoted(fixedPayload) + ";", text);
        Assert.Empty(await MetadataRunner.AnalyzeAsync(project));
        var compilation = await project.GetCompilationAsync();
        Assert.Empty(compilation!.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));

        Assert.True(AigcMetadata.Parse(fixedJson).IsConformant);
        Assert.True(AigcMetadata.Parse(fixedPayload).IsConformant);
        Assert.Equal("ACMECN", new AigcMetadataBuilder("ACMECN").WithProduceId("order42").Build().ContentProducer);
    }

    [Fact]
    public async Task No_fix_is_offered_where_the_value_cannot_be_derived()
    {
        var project = CodeFixRunner.CreateProject(new Dictionary<string, string>
        {
            ["Labels.cs"] = """
                public static class Labels
                {
                    public static object Name() => new DeepSynth.Compliance.Metadata.AigcMetadataBuilder("深度合成科技");
                    public static object NoId() => DeepSynth.Compliance.Metadata.AigcMetadata.Parse("{\"AIGC\":{\"Label\":\"1\",\"ContentProducer\":\"ACME\"}}");
                }
                """,
        });
        var diagnostics = await MetadataRunner.AnalyzeAsync(project);
        Assert.Equal(2, diagnostics.Length);
        foreach (var diagnostic in diagnostics)
        {
            Assert.Empty(await MetadataRunner.OfferedAsync(project, diagnostic));
        }
    }

    private static string Quoted(string text) => "\"" + text.Replace("\"", "\\\"") + "\"";
}
