using static DeepSynth.Analyzers.Tests.Manifest.ManifestFixture;
using Verifier = DeepSynth.TestSupport.AnalyzerVerifier<DeepSynth.Analyzers.ProjectDutiesAnalyzer>;

namespace DeepSynth.Analyzers.Tests.Manifest;

/// <summary>DSYN101-DSYN107: each duty is met by the compliant fixture and reported where it breaks, at the manifest or at the code.</summary>
public class ProjectDutiesTests
{
    [Fact]
    public Task Compliant_service_has_no_findings() => VerifyAsync(Service, CompliantManifest);

    [Fact]
    public async Task Project_that_neither_generates_nor_has_a_manifest_is_not_checked()
    {
        // Without the compliance SDK or any AI SDK referenced: the catalogue finds nothing that generates content.
        var compilation = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create("Calculator",
            new[] { Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText("public class Calculator { public int Add(int a, int b) => a + b; }") },
            Basic.Reference.Assemblies.Net100.References.All,
            new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(Microsoft.CodeAnalysis.OutputKind.DynamicallyLinkedLibrary));

        var run = await DeepSynth.TestSupport.AnalyzerRunner.RunAsync(compilation, new[] { new ProjectDutiesAnalyzer() });

        Assert.Empty(run.Exceptions);
        Assert.Empty(run.Diagnostics);
    }

    /// <summary>A project that generates content, compiled against the .NET libraries only (no ASP.NET Core, no bot or hosting SDK).</summary>
    private static async Task<IReadOnlyList<string>> ProjectDutiesWithoutServiceFrameworkAsync(string extraSource)
    {
        const string tool = """
            namespace DeepSynth.Compliance { [System.AttributeUsage(System.AttributeTargets.Method)] public sealed class GeneratedContentSourceAttribute : System.Attribute { } }
            public static class Program
            {
                [DeepSynth.Compliance.GeneratedContentSource] public static string Generate(string prompt) => "a story about " + prompt;
                public static void Main(string[] args) => System.Console.WriteLine(Generate("cats"));
            }
            """;
        var compilation = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create("Tool",
            new[] { tool, extraSource }.Select(s => Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(s)),
            Basic.Reference.Assemblies.Net100.References.All,
            new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(Microsoft.CodeAnalysis.OutputKind.ConsoleApplication));
        var run = await DeepSynth.TestSupport.AnalyzerRunner.RunAsync(compilation, new[] { new ProjectDutiesAnalyzer() });
        Assert.Empty(run.Exceptions);
        return run.Diagnostics.Select(d => d.Id).Distinct().OrderBy(id => id, StringComparer.Ordinal).ToList();
    }

    [Fact]
    public async Task Console_tool_that_generates_without_a_manifest_has_no_project_duties() =>
        Assert.Empty(await ProjectDutiesWithoutServiceFrameworkAsync(string.Empty));

    [Fact]
    public async Task Hosted_worker_that_generates_without_a_manifest_has_the_project_duties()
    {
        // The generic host's interface as Microsoft.Extensions.Hosting declares it (a BackgroundService implements it).
        const string worker = """
            namespace Microsoft.Extensions.Hosting
            {
                public interface IHostedService
                {
                    System.Threading.Tasks.Task StartAsync(System.Threading.CancellationToken token);
                    System.Threading.Tasks.Task StopAsync(System.Threading.CancellationToken token);
                }
            }
            public sealed class Sender : Microsoft.Extensions.Hosting.IHostedService
            {
                public System.Threading.Tasks.Task StartAsync(System.Threading.CancellationToken token) => System.Threading.Tasks.Task.CompletedTask;
                public System.Threading.Tasks.Task StopAsync(System.Threading.CancellationToken token) => System.Threading.Tasks.Task.CompletedTask;
            }
            """;

        Assert.Equal(new[] { "DSYN101", "DSYN102", "DSYN103", "DSYN104", "DSYN105", "DSYN106", "DSYN107" }, await ProjectDutiesWithoutServiceFrameworkAsync(worker));
    }

    [Fact]
    public Task Project_that_references_AI_SDKs_without_generating_and_has_no_manifest_is_not_checked() =>
        // Embeddings are not generated content: referencing OpenAI for search does not make a generative service.
        VerifyFilesAsync("""
            public class Search(OpenAI.Embeddings.EmbeddingClient embeddings)
            {
                public ReadOnlyMemory<float> Embed(string text) => embeddings.GenerateEmbedding(text).Value.ToFloats();
            }
            """, null, null);

    [Fact]
    public Task Project_that_calls_a_model_without_a_manifest_is_checked() =>
        VerifyFilesAsync("""
            public class Writer(IChatClient chat)
            {
                public async Task<string> Draft(string topic) => (await chat.GetResponseAsync(topic)).Text;
            }
            """, null, null,
            new[] { "DSYN101", "DSYN102", "DSYN103", "DSYN104", "DSYN105", "DSYN106", "DSYN107" }.Select(Verifier.Diagnostic).ToArray());

    [Fact]
    public Task Generating_project_without_a_manifest_gets_one_finding_per_duty() =>
        VerifyFilesAsync(Service, null, null,
            Verifier.Diagnostic("DSYN101").WithMessage("Algorithm filing number (DSP Art. 19): no filing number is declared ('algorithmFiling.number'); a service with public-opinion attributes must file its algorithm and show the number (this project has no deepsynth.json)"),
            Verifier.Diagnostic("DSYN102"),
            Verifier.Diagnostic("DSYN103"),
            Verifier.Diagnostic("DSYN104"),
            Verifier.Diagnostic("DSYN105"),
            Verifier.Diagnostic("DSYN106"),
            Verifier.Diagnostic("DSYN107"));

    [Fact]
    public Task Manifest_without_duty_keys_reports_each_missing_key_at_the_file_start()
    {
        const string manifest = """{ "providerCode": "ACME" }""";
        return VerifyAsync(Service, manifest,
            AtStart("DSYN101"), AtStart("DSYN102"), AtStart("DSYN102"), AtStart("DSYN103"), AtStart("DSYN103"), AtStart("DSYN104"),
            AtStart("DSYN105"), AtStart("DSYN106"), AtStart("DSYN107"), AtStart("DSYN107"));
    }

    [Fact]
    public Task Duties_outside_China_or_outside_the_role_are_not_checked()
    {
        const string euOnly = """{ "jurisdictions": [ "EU" ] }""";
        const string supporterOnly = """{ "roles": [ "technicalSupporter" ], "publicOpinionAttributes": false, "logRetentionDays": 365 }""";
        return Task.WhenAll(VerifyAsync(Service, euOnly), VerifyAsync(Service, supporterOnly));
    }

    [Fact]
    public Task Filing_number_missing_or_not_shown_is_located()
    {
        var noNumber = CompliantManifest.Replace("\"number\": \"Beijing-ACME-202501\", ", string.Empty);
        var notShown = CompliantManifest.Replace(", \"displayedAt\": [ \"/about\", \"wwwroot/footer.html\" ]", string.Empty);
        var badPlaces = CompliantManifest.Replace("[ \"/about\", \"wwwroot/footer.html\" ]", "[ \"/legal/filing\", \"wwwroot/missing.html\", \"legal/user-agreement.md\" ]");
        return Task.WhenAll(
            VerifyAsync(Service, noNumber, At("DSYN101", noNumber, "\"algorithmFiling\"")),
            VerifyAsync(Service, notShown, At("DSYN101", notShown, "\"Beijing-ACME-202501\"").WithArguments("the filing number is declared, but 'algorithmFiling.displayedAt' names no page or route that shows it")),
            VerifyAsync(Service, badPlaces,
                At("DSYN101", badPlaces, "\"/legal/filing\"").WithArguments("the route '/legal/filing' is not mapped by any endpoint, controller or page of this project"),
                At("DSYN101", badPlaces, "\"wwwroot/missing.html\"").WithArguments("the file 'wwwroot/missing.html' was not found (paths are relative to deepsynth.json)"),
                At("DSYN101", badPlaces, "\"legal/user-agreement.md\"").WithArguments("'legal/user-agreement.md' does not show the filing number 'Beijing-ACME-202501'")));
    }

    [Fact]
    public Task Filing_number_is_not_required_without_public_opinion_attributes()
    {
        var manifest = CompliantManifest.Replace("\"publicOpinionAttributes\": true", "\"publicOpinionAttributes\": false")
            .Replace("\"number\": \"Beijing-ACME-202501\", ", string.Empty);
        return VerifyAsync(Service, manifest);
    }

    [Fact]
    public Task Complaint_portal_must_be_mapped_and_have_a_feedback_limit()
    {
        var unmapped = CompliantManifest.Replace("\"/api/complaints\"", "\"/complaints\"");
        var external = CompliantManifest.Replace("\"/api/complaints\"", "\"https://help.acme.example/report\"");
        var noLimit = CompliantManifest.Replace(", \"feedbackDays\": 7", string.Empty);
        return Task.WhenAll(
            VerifyAsync(Service, unmapped, At("DSYN102", unmapped, "\"/complaints\"").WithArguments("the route '/complaints' is not mapped by any endpoint, controller or page of this project")),
            VerifyAsync(Service, external),
            VerifyAsync(Service, noLimit, At("DSYN102", noLimit, "\"complaints\"").WithArguments("no feedback time limit is declared ('complaints.feedbackDays')")));
    }

    [Fact]
    public Task Complaint_portal_mapped_by_an_attribute_routed_controller_counts()
    {
        const string controller = """
            [ApiController]
            [Route("api/[controller]")]
            public class ComplaintsController : ControllerBase
            {
                [HttpPost] public IActionResult File(string text) => Accepted();
            }
            """;
        return VerifyAsync(Service.Replace("api.MapPost(\"/complaints\", (string text) => Results.Accepted());", string.Empty) + controller, CompliantManifest);
    }

    [Fact]
    public Task User_agreement_must_contain_the_labeling_section()
    {
        var otherSection = CompliantManifest.Replace("5. Labels on AI-generated content", "6. Watermarks");
        var missingFile = CompliantManifest.Replace("\"legal/user-agreement.md\"", "\"legal/terms.md\"");
        return Task.WhenAll(
            VerifyAsync(Service, otherSection, At("DSYN103", otherSection, "\"6. Watermarks\"").WithArguments("'legal/user-agreement.md' has no section \"6. Watermarks\"")),
            VerifyAsync(Service, missingFile, At("DSYN103", missingFile, "\"legal/terms.md\"").WithArguments("the file 'legal/terms.md' was not found (paths are relative to deepsynth.json)")));
    }

    [Fact]
    public Task Face_and_voice_synthesis_without_an_assessment_is_reported_at_the_first_call()
    {
        const string code = """
            public class Studio(OpenAI.Audio.AudioClient speech)
            {
                [BiometricEditor] public byte[] SwapFace(byte[] photo, byte[] face) => photo;

                public byte[] Swap(byte[] photo, byte[] face) => {|#0:SwapFace(photo, face)|};

                public BinaryData Speak(string text) => {|#1:speech.GenerateSpeech(text, OpenAI.Audio.GeneratedSpeechVoice.Alloy)|}.Value;
            }
            """;
        var withoutBiometric = CompliantManifest.Replace(",\n    { \"scope\": \"biometric\", \"date\": \"2025-06-30\" }", string.Empty);
        return Task.WhenAll(
            VerifyAsync(Service + code, CompliantManifest),
            VerifyFilesAsync(Service + code, withoutBiometric, Agreement,
                test => test.SkipConcurrentCopies("DSYN104 is one finding per project, at the first face or voice call with the others attached: copies add their calls to it instead of getting their own"),
                Verifier.Diagnostic("DSYN104").WithLocation(0).WithLocation(1)
                    .WithArguments("'Studio.SwapFace' generates or edits a face or voice, but no security assessment with scope \"biometric\" is on file in deepsynth.json")));
    }

    [Fact]
    public Task Public_opinion_attributes_need_a_public_opinion_assessment()
    {
        var manifest = CompliantManifest.Replace("\"scope\": \"publicOpinion\"", "\"scope\": \"specialObjects\"");
        return VerifyAsync(Service, manifest, At("DSYN104", manifest, "\"publicOpinionAttributes\"")
            .WithArguments("the service has public-opinion attributes, but no security assessment with scope \"publicOpinion\" is on file"));
    }

    [Fact]
    public Task Log_retention_missing_from_the_manifest_or_shortened_in_code()
    {
        const string code = """
            public static class AuditSetup
            {
                public static DeepSynth.Compliance.Audit.AuditLogOptions Options() => new() { Directory = "logs", {|#0:RetentionDays = 90|} };
                public static void Keep(DeepSynth.Compliance.Audit.AuditLogOptions options) => options.RetentionDays = 365;
            }
            """;
        var manifest = CompliantManifest.Replace("  \"logRetentionDays\": 180,\n", string.Empty);
        return VerifyAsync(Service + code, manifest,
            AtStart("DSYN105").WithArguments("no retention period is declared ('logRetentionDays')"),
            Verifier.Diagnostic("DSYN105").WithLocation(0).WithArguments("the audit log is configured to keep 90 days; network logs must be kept at least 180 days"));
    }

    [Fact]
    public Task Rumor_refutation_and_minors_policy_are_required()
    {
        var manifest = CompliantManifest.Replace("\"contact\": \"rumor-desk@acme.example\"", "\"contact\": \" \"")
            .Replace(", \"minors\": \"notServed\"", string.Empty);
        return VerifyAsync(Service, manifest,
            At("DSYN106", manifest, "\"rumorRefutation\""),
            At("DSYN905", manifest, "\" \"").WithArguments("'rumorRefutation.contact' must not be empty"),
            At("DSYN107", manifest, "\"users\"").WithArguments("no minors policy is declared ('users.minors')"));
    }
}
