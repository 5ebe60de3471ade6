using DeepSynth.Analyzers;
using DeepSynth.CodeFixes.Fixes;
using DeepSynth.TestSupport;
using Microsoft.CodeAnalysis;

namespace DeepSynth.CodeFixes.Tests;

/// <summary>DSYN007's fix: the re-encoded or edited content is labeled again where it is published; Fix All over a project.</summary>
public class RelabelAfterStrippingFixTests
{
    private const string Controller = """
        using DeepSynth.Compliance;
        using DeepSynth.Compliance.Labeling;
        using DeepSynth.Compliance.Metadata;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.Extensions.AI;
        using OpenAI.Images;
        using SkiaSharp;

        [RequireRealName]
        public class ThumbnailController(ImageClient images, IChatClient chat, IAigcFileLabeler labeler, IAigcTextLabeler text) : ControllerBase
        {
            public async Task<IActionResult> Thumbnail()
            {
                GeneratedImage image = await images.GenerateImageAsync("a cat");
                var labeled = labeler.Label(image.ImageBytes.ToArray());
                ImageSteps.Check(labeled);
                ImageSteps.Record(labeled);
                using var bitmap = SKBitmap.Decode(labeled);
                using var data = SKImage.FromBitmap(bitmap).Encode(SKEncodedImageFormat.Png, 90);
                return File(data.ToArray(), "image/png");
            }

            public async Task<IActionResult> IntoStream()
            {
                GeneratedImage image = await images.GenerateImageAsync("a dog");
                var labeled = labeler.Label(image.ImageBytes.ToArray());
                ImageSteps.Check(labeled);
                ImageSteps.Record(labeled);
                using var bitmap = SKBitmap.Decode(labeled);
                var output = new MemoryStream();
                bitmap.Encode(output, SKEncodedImageFormat.Jpeg, 85);
                return File(output.ToArray(), "image/jpeg");
            }

            public async Task<IActionResult> Poem()
            {
                var response = await chat.GetResponseAsync("写一首诗");
                ImageSteps.CheckText(response.Text);
                ImageSteps.RecordText(response.Text);
                var clean = text.Label(response.Text).Replace("AI生成：", "");
                return Content(clean);
            }
        }

        public static class ImageSteps
        {
            [ContentReviewer] public static void Check(byte[] image) { }
            [SynthesisAuditor] public static void Record(byte[] image) { }
            [ContentReviewer] public static void CheckText(string text) { }
            [SynthesisAuditor] public static void RecordText(string text) { }
        }
        """;

    private static readonly CodeFixRunner Runner = new(new ContentFlowAnalyzer(), new RelabelAfterStrippingFixProvider());

    private static Project CreateProject() => CodeFixRunner.CreateProject(new Dictionary<string, string>
    {
        ["ThumbnailController.cs"] = Controller,
        ["Usings.g.cs"] = WebSdk.ImplicitUsings,
    });

    [Fact]
    public async Task Each_stripping_step_is_found_and_offered_one_fix()
    {
        var project = CreateProject();
        var findings = (await Runner.AnalyzeAsync(project)).Where(d => d.Id.StartsWith("DSYN00", StringComparison.Ordinal)).ToList();
        Assert.Equal(new[] { "DSYN007", "DSYN007", "DSYN007" }, findings.Select(d => d.Id));
        foreach (var finding in findings)
        {
            var offered = await Runner.OfferedAsync(project, finding);
            Assert.Equal(RelabelAfterStrippingFixProvider.EquivalenceKey, Assert.Single(offered).EquivalenceKey);
        }
    }

    [Fact]
    public async Task Fix_all_labels_again_at_each_publish_point_and_the_code_still_compiles()
    {
        var project = await Runner.FixAllAsync(CreateProject(), "DSYN007", RelabelAfterStrippingFixProvider.EquivalenceKey);

        var compilation = await project.GetCompilationAsync();
        Assert.Empty(compilation!.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()));
        Assert.Empty((await Runner.AnalyzeAsync(project)).Where(d => d.Id.StartsWith("DSYN00", StringComparison.Ordinal)).Select(d => d.ToString()));
        var fixedText = (await project.Documents.Single(d => d.Name == "ThumbnailController.cs").GetTextAsync()).ToString();
        Assert.Contains("return File(labeler.Label(data.ToArray()), \"image/png\");", fixedText);
        Assert.Contains("return File(labeler.Label(output.ToArray()), \"image/jpeg\");", fixedText);
        Assert.Contains("return Content(text.Label(clean));", fixedText);
    }
}
