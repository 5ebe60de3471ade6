using DeepSynth.TestSupport;
using Verifier = DeepSynth.TestSupport.AnalyzerVerifier<DeepSynth.Analyzers.ContentFlowAnalyzer>;

namespace DeepSynth.Analyzers.Tests.Flow;

/// <summary>
/// DSYN009: output without the explicit label at the user's request ("raw", "WithoutLabel", "IncludeLabel = false")
/// needs the agreement check and recipient log (the SDK's IUnlabeledExportGate) and keeps the implicit label; there it
/// replaces DSYN001, which stays for an unlabeled publish nobody asked for.
/// </summary>
public class UnlabeledExportTests
{
    private const string Steps = """
        public static class ExportSteps
        {
            [ContentReviewer] public static void Review(byte[] image) { }
            [SynthesisAuditor] public static void Record(byte[] image) { }
            [ContentReviewer] public static void ReviewText(string text) { }
            [SynthesisAuditor] public static void RecordText(string text) { }
        }
        public record ExportRequest(string Prompt, bool Raw, bool IncludeLabel = true);
        """;

    private static Task Verify(string code, params Microsoft.CodeAnalysis.Testing.DiagnosticResult[] expected) =>
        Verifier.VerifyAsync("""
            using OpenAI.Images;
            using DeepSynth.Compliance.Export;
            using DeepSynth.Compliance.Metadata;
            using DeepSynth.Compliance.Labeling;

            """ + code + Steps, expected);

    [Fact]
    public async Task A_raw_export_without_the_gate_is_DSYN009_not_DSYN001()
    {
        await Verify("""
            [RequireRealName]
            public class ExportController(ImageClient images, IAigcFileLabeler labeler) : ControllerBase
            {
                public async Task<IActionResult> Export([FromBody] ExportRequest request)
                {
                    GeneratedImage image = await {|#1:images.GenerateImageAsync("a dog")|};
                    var bytes = image.ImageBytes.ToArray();
                    ExportSteps.Review(bytes);
                    ExportSteps.Record(bytes);
                    if (request.Raw)
                    {
                        return {|#0:File(bytes, "image/png")|};
                    }

                    return File(labeler.Label(bytes, new FileLabelRequest { AddExplicitLabel = true }), "image/png");
                }

                public async Task<IActionResult> Unasked()
                {
                    GeneratedImage image = await images.GenerateImageAsync("a cat");
                    var bytes = image.ImageBytes.ToArray();
                    ExportSteps.Review(bytes);
                    ExportSteps.Record(bytes);
                    return {|DSYN001:File(bytes, "image/png")|};
                }
            }
            """,
            Verifier.Diagnostic("DSYN009").WithLocation(0).WithLocation(1)
                .WithArguments("'ImageClient.GenerateImageAsync' (Test0.cs:10)", ": the user's agreement to their labeling duty is not checked and the recipient is not logged on this path (IUnlabeledExportGate)"));
    }

    [Fact]
    public async Task The_gate_with_the_implicit_label_is_compliant_and_the_gate_alone_is_not()
    {
        await Verify("""
            [RequireRealName]
            public class ExportController(ImageClient images, IAigcFileLabeler labeler, IUnlabeledExportGate gate) : ControllerBase
            {
                public async Task<IActionResult> Export([FromBody] ExportRequest request, CancellationToken ct)
                {
                    GeneratedImage image = await images.GenerateImageAsync("a dog");
                    var bytes = image.ImageBytes.ToArray();
                    ExportSteps.Review(bytes);
                    ExportSteps.Record(bytes);
                    if (!request.IncludeLabel)
                    {
                        await gate.AuthorizeAsync("user-1", "img-1", ct);
                        return File(labeler.Label(bytes), "image/png");
                    }

                    return File(labeler.Label(bytes, new FileLabelRequest { AddExplicitLabel = true }), "image/png");
                }

                public async Task<IActionResult> GateOnly(bool raw, CancellationToken ct)
                {
                    GeneratedImage image = await {|#1:images.GenerateImageAsync("a cat")|};
                    var bytes = image.ImageBytes.ToArray();
                    ExportSteps.Review(bytes);
                    ExportSteps.Record(bytes);
                    if (raw)
                    {
                        await gate.AuthorizeAsync("user-1", "img-2", ct);
                        return {|#0:File(bytes, "image/png")|};
                    }

                    return File(labeler.Label(bytes), "image/png");
                }
            }
            """,
            Verifier.Diagnostic("DSYN009").WithLocation(0).WithLocation(1)
                .WithArguments("'ImageClient.GenerateImageAsync' (Test0.cs:25)", ": the agreement is checked, but the content carries no label at all; the implicit AIGC label must stay"));
    }

    [Fact]
    public async Task Text_with_a_preference_and_a_minimal_api_query_flag()
    {
        await Verify("""
            public static class Endpoints
            {
                public static void Map(WebApplication app)
                {
                    app.MapGet("/poem", [RequireRealName] async (bool withoutLabel, IChatClient chat, IAigcTextLabeler label) =>
                    {
                        var response = await chat.GetResponseAsync("写一首诗");
                        ExportSteps.ReviewText(response.Text);
                        ExportSteps.RecordText(response.Text);
                        return withoutLabel ? {|DSYN009:Results.Ok(response.Text)|} : Results.Ok(label.Label(response.Text));
                    });

                    app.MapGet("/poem2", [RequireRealName] async (bool verbose, IChatClient chat) =>
                    {
                        var response = await chat.GetResponseAsync("写一首诗");
                        ExportSteps.ReviewText(response.Text);
                        ExportSteps.RecordText(response.Text);
                        if (verbose)
                        {
                            return {|DSYN001:Results.Ok(response.Text)|};
                        }

                        return Results.Ok("");
                    });
                }
            }
            """);
    }
}

/// <summary>DSYN012: on a propagation platform (deepsynth.json roles), uploads published to others need the AIGC inspection.</summary>
public class PropagationInspectionTests
{
    private const string Hub = """
        using DeepSynth.Compliance.Propagation;

        [RequireRealName]
        public class RoomHub(IPropagationInspector inspector) : Hub
        {
            public async Task Share(string room, byte[] picture)
            {
                await {|#0:Clients.Group(room).SendAsync("picture", picture)|};
            }

            public async Task ShareInspected(string room, byte[] picture)
            {
                var inspection = inspector.Inspect(picture);
                var stamped = inspector.AppendPropagation(picture, inspection);
                await Clients.Group(room).SendAsync("picture", stamped, inspection.Notice);
            }
        }
        """;

    private static Task Verify(string json, params Microsoft.CodeAnalysis.Testing.DiagnosticResult[] expected) =>
        Verifier.VerifyAsync(new[] { Hub }, Microsoft.CodeAnalysis.OutputKind.DynamicallyLinkedLibrary,
            test => test.TestState.AdditionalFiles.Add(("/0/deepsynth.json", json)), expected);

    [Fact]
    public async Task A_platform_relaying_an_upload_without_inspection_is_reported()
    {
        await Verify("""{ "roles": ["propagationPlatform"] }""",
            Verifier.Diagnostic("DSYN012").WithLocation(0).WithLocation(6, 49).WithArguments("'picture' (Test0.cs:6)", ""));
    }

    [Fact]
    public async Task A_provider_is_not_a_platform()
    {
        await Verify("""{ "roles": ["provider"] }""");
    }
}
