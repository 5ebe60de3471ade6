using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Verifier = DeepSynth.TestSupport.AnalyzerVerifier<DeepSynth.Analyzers.AigcMetadataAnalyzer>;

namespace DeepSynth.Analyzers.Tests.LabelConstants;

/// <summary>DSYN011 against the real SDK: constant values meant as AIGC metadata.</summary>
public class AigcMetadataAnalyzerTests
{
    [Fact]
    public Task Builder_and_propagation_values_outside_the_Annex_E_characters_are_reported_at_the_value() => Verifier.VerifyAsync("""
        using DeepSynth.Compliance.Metadata;
        using DeepSynth.Compliance.Propagation;
        class Labels
        {
            object Producer() => new AigcMetadataBuilder({|DSYN011:"深度合成科技有限公司"|}).Build();
            object Id() => new AigcMetadataBuilder("ACME").WithProduceId({|DSYN011:"id 42"|}).WithReservedCodes({|DSYN011:"a\"b"|}).Build();
            object Empty() => new AigcMetadataBuilder({|DSYN011:""|});
            object Propagated(AigcMetadata m) => m.WithPropagation({|DSYN011:"PLAT\\1"|}, {|DSYN011:"编号"|});
            object Platform() => new PropagationInspector({|DSYN011:"某平台"|});
            object Files() => new AigcFileLabeler({|DSYN011:"ACME CN"|});
            object Kind() => new AigcMetadataBuilder("ACME").WithLabel({|DSYN011:(AigcLabelKind)4|});
        }
        """);

    [Fact]
    public Task Provider_codes_set_in_code_and_settings_are_checked() => Verifier.VerifyAsync("""
        using Microsoft.Extensions.DependencyInjection;
        class Setup
        {
            void Register(IServiceCollection services) => services.AddDeepSynthCompliance(o => o.ProviderCode = {|DSYN011:"艾克米"|});
            object Settings() => new Dictionary<string, string?> { ["DeepSynth:ProviderCode"] = {|DSYN011:"ACME Corp"|} };
        }
        """);

    [Fact]
    public Task Json_texts_with_an_AIGC_key_are_checked_wherever_they_are() => Verifier.VerifyAsync(""""
        using DeepSynth.Compliance.Metadata;
        class Labels
        {
            const string BadLabel = {|DSYN011:"{\"AIGC\":{\"Label\":\"0\",\"ContentProducer\":\"ACME\",\"ProduceID\":\"1\",\"ReservedCode1\":\"\",\"ContentPropagator\":\"ACME\",\"PropagateID\":\"1\",\"ReservedCode2\":\"\"}}"|};
            object Parsed() => AigcMetadata.Parse({|DSYN011:"{\"AIGC\":{\"Label\":\"1\"}}"|});
            string Raw() => {|DSYN011:"""{"AIGC":{"Label":"1","ContentProducer":"ACME","ProduceID":"7","ReservedCode1":"","ContentPropagator":"某平台","PropagateID":"7","ReservedCode2":""}}"""|};
            const string Producer = "ACME";
            string Folded() => {|DSYN011:"{\"AIGC\":{\"Label\":1,\"ContentProducer\":\"" + Producer + "\",\"ProduceID\":\"\"}}"|};
            void NeverRuns() { if (false) { _ = {|DSYN011:"{\"aigc\":{\"Label\":\"x\"}}"|}; } }
        }
        """");

    [Fact]
    public Task Values_written_under_an_AIGC_key_are_checked_as_the_bare_payload() => Verifier.VerifyAsync("""
        class Carrier
        {
            const string Payload = {|#1:"{\"Label\":\"4\",\"ContentProducer\":\"ACME\",\"ProduceID\":\"1\",\"ReservedCode1\":\"\",\"ContentPropagator\":\"ACME\",\"PropagateID\":\"1\",\"ReservedCode2\":\"\"}"|};
            void Tags(Dictionary<string, string> tags)
            {
                tags["AIGC"] = {|#0:Payload|};
                tags.Add("TC260:AIGC", {|DSYN011:"AI generated"|});
                tags["Title"] = "AI generated";
            }
        }
        """, Verifier.Diagnostic("DSYN011").WithLocation(0).WithLocation(1));

    [Fact]
    public Task Conformant_constants_values_that_are_not_constant_and_texts_that_are_not_metadata_are_not_reported() => Verifier.VerifyAsync("""
        using DeepSynth.Compliance.Metadata;
        class Labels
        {
            const string Good = "{\"AIGC\":{\"Label\":\"2\",\"ContentProducer\":\"ACME\",\"ProduceID\":\"1\",\"ReservedCode1\":\"\",\"ContentPropagator\":\"ACME\",\"PropagateID\":\"1\",\"ReservedCode2\":\"\"}}";
            const string Spaced = "{ \"AIGC\" : { \"label\":\"3\", \"ContentProducer\":\"\", \"ProduceID\":\"\", \"ReservedCode1\":\"\", \"ContentPropagator\":\"P\", \"PropagateID\":\"9\", \"ReservedCode2\":\"\" } }";
            const string NoKey = "{\"Label\":\"9\",\"Producer\":\"某公司\"}";
            const string Prose = "The AIGC label is added to every file {automatically}.";
            object Valid() => new AigcMetadataBuilder("ACME-202501").WithProduceId("20260901-0001").WithReservedCodes("", "").WithLabel(AigcLabelKind.SuspectedGenerated).Build();
            object FromVariable(string code, AigcLabelKind kind) => new AigcMetadataBuilder(code).WithLabel(kind).Build();
            object Optional() => new AigcFileLabeler(null);
            object Propagated(AigcMetadata m) => m.WithPropagation("PLATFORM-1");
            object Other(Dictionary<string, string> d) => d["Title"] = "人工智能";
            string Strip(string s) => s.Replace("AIGC", "aigc");
            bool Has(List<string> keys) => keys.Contains("AIGC");
        }
        """);

    [Fact]
    public async Task Appsettings_provider_code_is_reported_at_the_value()
    {
        var test = Verifier.Create(new[] { "class C { }" });
        test.TestState.AdditionalFiles.Add(("/0/appsettings.json", """
            { "DeepSynth": { "ProviderCode": {|DSYN011:"艾克米科技"|}, "Label": { "Text": "AI生成" } } }
            """));
        test.TestState.AdditionalFiles.Add(("/0/appsettings.Development.json", """{ "DeepSynth": { "ProviderCode": "ACME-DEV" } }"""));
        await test.RunAsync();
    }

    [Fact]
    public async Task The_message_lists_every_problem_in_both_languages_and_carries_the_corrected_constant()
    {
        var compilation = DeepSynth.TestSupport.AnalyzerRunner.Compile(new[]
        {
            "class C { const string J = \"{\\\"AIGC\\\":{\\\"Label\\\":\\\"5\\\",\\\"ContentProducer\\\":\\\"AC ME\\\",\\\"ProduceID\\\":\\\"42\\\"}}\"; }",
        });
        var run = await DeepSynth.TestSupport.AnalyzerRunner.RunAsync(compilation, new[] { new AigcMetadataAnalyzer() });
        Assert.Empty(run.Exceptions);
        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal(
            "This constant is written as AIGC metadata but breaks GB 45438 Annex E: Label is \"5\", not \"1\", \"2\" or \"3\"; ContentProducer \"AC ME\" has characters outside printable ASCII, a space, a quote or a backslash (use a code, not a name); ReservedCode1 is missing; ContentPropagator is missing; PropagateID is missing; ReservedCode2 is missing",
            diagnostic.GetMessage(CultureInfo.GetCultureInfo("en")));
        Assert.StartsWith("该常量作为 AIGC 元数据写入，但不符合 GB 45438 附录 E：Label 为“5”，应为“1”“2”或“3”", diagnostic.GetMessage(CultureInfo.GetCultureInfo("zh-Hans")));
        Assert.Equal("{\"AIGC\":{\"Label\":\"1\",\"ContentProducer\":\"ACME\",\"ProduceID\":\"42\",\"ReservedCode1\":\"\",\"ContentPropagator\":\"ACME\",\"PropagateID\":\"42\",\"ReservedCode2\":\"\"}}",
            diagnostic.Properties[AigcMetadataAnalyzer.CorrectedProperty]);
    }
}
