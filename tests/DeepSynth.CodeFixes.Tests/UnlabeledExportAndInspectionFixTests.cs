using DeepSynth.Analyzers;
using DeepSynth.CodeFixes.Fixes;
using DeepSynth.TestSupport;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace DeepSynth.CodeFixes.Tests;

/// <summary>DSYN009's fix (agreement gate and implicit label on the unlabeled path) and DSYN012's (inspect the upload), with Fix All.</summary>
public class UnlabeledExportAndInspectionFixTests
{
    private const string Export = """
        using DeepSynth.Compliance;
        using DeepSynth.Compliance.Metadata;
        using Microsoft.AspNetCore.Mvc;
        using OpenAI.Images;

        [RequireRealName]
        public class ExportController(ImageClient images, IAigcFileLabeler labeler) : ControllerBase
        {
            public async Task<IActionResult> Export([FromBody] ExportRequest request, CancellationToken cancellationToken)
            {
                GeneratedImage image = await images.GenerateImageAsync("a cat");
                var bytes = image.ImageBytes.ToArray();
                ExportSteps.Review(bytes);
                ExportSteps.Record(bytes);
                if (request.Raw)
                {
                    return File(bytes, "image/png");
                }

                return File(labeler.Label(bytes, new FileLabelRequest { AddExplicitLabel = true }), "image/png");
            }
        }

        public record ExportRequest(bool Raw);

        public static class ExportSteps
        {
            [ContentReviewer] public static void Review(byte[] image) { }
            [SynthesisAuditor] public static void Record(byte[] image) { }
        }
        """;

    private const string Hub = """
        using DeepSynth.Compliance;
        using Microsoft.AspNetCore.SignalR;

        [RequireRealName]
        public class RoomHub : Hub
        {
            public async Task Share(string room, byte[] picture)
            {
                await Clients.Group(room).SendAsync("picture", picture);
            }
        }
        """;

    private static Project CreateProject(string name, string source, string? manifest = null)
    {
        var project = CodeFixRunner.CreateProject(new Dictionary<string, string> { [name] = source, ["Usings.g.cs"] = WebSdk.ImplicitUsings });
        return manifest == null ? project : project.AddAdditionalDocument("deepsynth.json", SourceText.From(manifest), filePath: "/src/deepsynth.json").Project;
    }

    [Fact]
    public async Task The_gate_fix_checks_the_agreement_and_keeps_the_implicit_label()
    {
        var runner = new CodeFixRunner(new ContentFlowAnalyzer(), new UnlabeledExportGateFixProvider());
        var project = CreateProject("ExportController.cs", Export);
        Assert.Equal(new[] { "DSYN009" }, (await runner.AnalyzeAsync(project)).Where(d => d.Id.StartsWith("DSYN0", StringComparison.Ordinal)).Select(d => d.Id));

        project = await runner.FixAllAsync(project, "DSYN009", UnlabeledExportGateFixProvider.EquivalenceKey);

        var compilation = await project.GetCompilationAsync();
        Assert.Empty(compilation!.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()));
        Assert.Empty((await runner.AnalyzeAsync(project)).Where(d => d.Id.StartsWith("DSYN0", StringComparison.Ordinal)).Select(d => d.ToString()));
        var text = (await project.Documents.Single(d => d.Name == "ExportController.cs").GetTextAsync()).ToString();
        Assert.Contains("await exportGate.AuthorizeAsync(User.FindFirstValue(ClaimTypes.NameIdentifier)!, Guid.NewGuid().ToString(\"N\"), cancellationToken);", text);
        Assert.Contains("return File(labeler.Label(bytes), \"image/png\");", text);
    }

    [Fact]
    public async Task The_inspection_fix_inspects_and_stamps_the_upload_on_a_platform()
    {
        var runner = new CodeFixRunner(new ContentFlowAnalyzer(), new InspectUploadFixProvider());
        var project = CreateProject("RoomHub.cs", Hub, """{ "roles": ["propagationPlatform"] }""");
        Assert.Equal(new[] { "DSYN012" }, (await runner.AnalyzeAsync(project)).Where(d => d.Id.StartsWith("DSYN0", StringComparison.Ordinal)).Select(d => d.Id));

        project = await runner.FixAllAsync(project, "DSYN012", InspectUploadFixProvider.EquivalenceKey);

        var compilation = await project.GetCompilationAsync();
        Assert.Empty(compilation!.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()));
        Assert.Empty((await runner.AnalyzeAsync(project)).Where(d => d.Id.StartsWith("DSYN0", StringComparison.Ordinal)).Select(d => d.ToString()));
        var text = (await project.Documents.Single(d => d.Name == "RoomHub.cs").GetTextAsync()).ToString();
        Assert.Contains("var inspection = _inspector.Inspect(picture);", text);
        Assert.Contains("SendAsync(\"picture\", _inspector.AppendPropagation(picture, inspection))", text);
    }

    [Fact]
    public async Task No_platform_role_no_finding()
    {
        var runner = new CodeFixRunner(new ContentFlowAnalyzer(), new InspectUploadFixProvider());
        Assert.Empty((await runner.AnalyzeAsync(CreateProject("RoomHub.cs", Hub))).Where(d => d.Id == "DSYN012"));
    }
}
