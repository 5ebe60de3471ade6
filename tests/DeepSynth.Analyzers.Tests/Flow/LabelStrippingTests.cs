using Verifier = DeepSynth.TestSupport.AnalyzerVerifier<DeepSynth.Analyzers.ContentFlowAnalyzer>;

namespace DeepSynth.Analyzers.Tests.Flow;

/// <summary>
/// DSYN007: a labeled generated file re-encoded by an encoder that drops metadata (SkiaSharp, System.Drawing) and
/// published without labeling it again, reported at the encoder; against the real packages. ImageSharp 2.1.13 keeps the
/// AIGC block through Load/Mutate/Save (measured), so it is a negative case.
/// </summary>
public class LabelStrippingTests
{
    private const string Steps = """
        public static class ImageSteps
        {
            [ContentReviewer] public static void EnsureImageAllowed(byte[] image) { }
            [SynthesisAuditor] public static void RecordImage(byte[] image) { }
        }
        """;

    private static Task Verify(string code, params Microsoft.CodeAnalysis.Testing.DiagnosticResult[] expected) =>
        Verifier.VerifyAsync("""
            using OpenAI.Images;
            using SkiaSharp;
            using DeepSynth.Compliance.Metadata;

            """ + code + Steps, expected);

    [Fact]
    public async Task Skia_encode_after_labeling_is_reported_at_the_encoder()
    {
        await Verify("""
            [RequireRealName]
            public class ThumbnailController(ImageClient images, IAigcFileLabeler labeler) : ControllerBase
            {
                public async Task<IActionResult> Thumbnail()
                {
                    GeneratedImage image = await images.GenerateImageAsync("a cat");
                    var labeled = labeler.Label(image.ImageBytes.ToArray());
                    ImageSteps.EnsureImageAllowed(labeled);
                    ImageSteps.RecordImage(labeled);
                    using var bitmap = SKBitmap.Decode(labeled);
                    using var small = bitmap.Resize(new SKImageInfo(256, 256), SKSamplingOptions.Default);
                    using var data = {|DSYN007:SKImage.FromBitmap(small).Encode(SKEncodedImageFormat.Png, 90)|};
                    return File(data.ToArray(), "image/png");
                }
            }
            """);
    }

    [Fact]
    public async Task Relabeling_after_the_encoder_is_not_reported()
    {
        await Verify("""
            [RequireRealName]
            public class ThumbnailController(ImageClient images, IAigcFileLabeler labeler) : ControllerBase
            {
                public async Task<IActionResult> Thumbnail()
                {
                    GeneratedImage image = await images.GenerateImageAsync("a cat");
                    var labeled = labeler.Label(image.ImageBytes.ToArray());
                    ImageSteps.EnsureImageAllowed(labeled);
                    ImageSteps.RecordImage(labeled);
                    using var bitmap = SKBitmap.Decode(labeled);
                    using var data = SKImage.FromBitmap(bitmap).Encode(SKEncodedImageFormat.Jpeg, 80);
                    return File(labeler.Label(data.ToArray()), "image/jpeg");
                }

                public async Task<IActionResult> EncodeFirst()
                {
                    GeneratedImage image = await images.GenerateImageAsync("a dog");
                    using var bitmap = SKBitmap.Decode(image.ImageBytes.ToArray());
                    var encoded = SKImage.FromBitmap(bitmap).Encode(SKEncodedImageFormat.Webp, 80).ToArray();
                    var labeled = labeler.Label(encoded);
                    ImageSteps.EnsureImageAllowed(labeled);
                    ImageSteps.RecordImage(labeled);
                    return File(labeled, "image/webp");
                }
            }
            """);
    }

    [Fact]
    public async Task Unlabeled_content_through_an_encoder_is_DSYN001_at_the_publish_point_only()
    {
        await Verify("""
            [RequireRealName]
            public class ThumbnailController(ImageClient images) : ControllerBase
            {
                public async Task<IActionResult> Thumbnail()
                {
                    GeneratedImage image = await images.GenerateImageAsync("a cat");
                    var bytes = image.ImageBytes.ToArray();
                    ImageSteps.EnsureImageAllowed(bytes);
                    ImageSteps.RecordImage(bytes);
                    using var bitmap = SKBitmap.Decode(bytes);
                    using var data = SKImage.FromBitmap(bitmap).Encode(SKEncodedImageFormat.Png, 90);
                    return {|DSYN001:File(data.ToArray(), "image/png")|};
                }
            }
            """);
    }

    [Fact]
    public async Task Encoding_into_a_stream_and_a_helper_that_encodes_are_reported()
    {
        await Verify("""
            [RequireRealName]
            public class ThumbnailController(ImageClient images, IAigcFileLabeler labeler) : ControllerBase
            {
                public async Task<IActionResult> IntoStream()
                {
                    GeneratedImage image = await images.GenerateImageAsync("a cat");
                    var labeled = labeler.Label(image.ImageBytes.ToArray());
                    ImageSteps.EnsureImageAllowed(labeled);
                    ImageSteps.RecordImage(labeled);
                    using var bitmap = SKBitmap.Decode(labeled);
                    var output = new MemoryStream();
                    {|DSYN007:bitmap.Encode(output, SKEncodedImageFormat.Jpeg, 85)|};
                    return File(output.ToArray(), "image/jpeg");
                }

                public async Task<IActionResult> ThroughHelper()
                {
                    GeneratedImage image = await images.GenerateImageAsync("a cat");
                    var labeled = labeler.Label(image.ImageBytes.ToArray());
                    ImageSteps.EnsureImageAllowed(labeled);
                    ImageSteps.RecordImage(labeled);
                    return File({|DSYN007:Thumbnails.Shrink(labeled, 128)|}, "image/png");
                }

                public async Task<IActionResult> HelperThenRelabel()
                {
                    GeneratedImage image = await images.GenerateImageAsync("a cat");
                    var labeled = labeler.Label(image.ImageBytes.ToArray());
                    ImageSteps.EnsureImageAllowed(labeled);
                    ImageSteps.RecordImage(labeled);
                    return File(labeler.Label(Thumbnails.Shrink(labeled, 128)), "image/png");
                }
            }

            public static class Thumbnails
            {
                public static byte[] Shrink(byte[] png, int size)
                {
                    using var bitmap = SKBitmap.Decode(png);
                    using var small = bitmap.Resize(new SKImageInfo(size, size), SKSamplingOptions.Default);
                    using var image = SKImage.FromBitmap(small);
                    return image.Encode(SKEncodedImageFormat.Png, 100).ToArray();
                }
            }
            """);
    }

    [Fact]
    public async Task System_Drawing_save_is_reported_and_ImageSharp_which_keeps_metadata_is_not()
    {
        await Verify("""
            [RequireRealName]
            public class ThumbnailController(ImageClient images, IAigcFileLabeler labeler) : ControllerBase
            {
                public async Task<IActionResult> Gdi()
                {
                    GeneratedImage image = await images.GenerateImageAsync("a cat");
                    var labeled = labeler.Label(image.ImageBytes.ToArray());
                    ImageSteps.EnsureImageAllowed(labeled);
                    ImageSteps.RecordImage(labeled);
                    using var picture = System.Drawing.Image.FromStream(new MemoryStream(labeled));
                    var output = new MemoryStream();
                    {|DSYN007:picture.Save(output, System.Drawing.Imaging.ImageFormat.Png)|};
                    return File(output.ToArray(), "image/png");
                }

                public async Task<IActionResult> ImageSharp()
                {
                    GeneratedImage image = await images.GenerateImageAsync("a cat");
                    var labeled = labeler.Label(image.ImageBytes.ToArray());
                    ImageSteps.EnsureImageAllowed(labeled);
                    ImageSteps.RecordImage(labeled);
                    using var picture = SixLabors.ImageSharp.Image.Load(labeled);
                    var output = new MemoryStream();
                    SixLabors.ImageSharp.ImageExtensions.SaveAsPng(picture, output);
                    return File(output.ToArray(), "image/png");
                }

                public async Task<IActionResult> NotPublished()
                {
                    GeneratedImage image = await images.GenerateImageAsync("a cat");
                    var labeled = labeler.Label(image.ImageBytes.ToArray());
                    using var bitmap = SKBitmap.Decode(labeled);
                    System.IO.File.WriteAllBytes("/tmp/cat.png", SKImage.FromBitmap(bitmap).Encode().ToArray());
                    return Ok();
                }
            }
            """);
    }
}

/// <summary>DSYN007 for text: the label text or the AIGC meta tag cut out of labeled generated content.</summary>
public class LabelTextRemovalTests
{
    private static Task Verify(string code, params Microsoft.CodeAnalysis.Testing.DiagnosticResult[] expected) =>
        Verifier.VerifyAsync(code + TestSteps.Source, expected);

    [Fact]
    public async Task Replacing_the_label_text_with_nothing_is_reported_at_the_edit()
    {
        await Verify("""
            [RequireRealName]
            public class ChatController(IChatClient chat) : ControllerBase
            {
                public async Task<IActionResult> Plain()
                {
                    var response = await chat.GetResponseAsync("写一首诗");
                    Steps.EnsureAllowed(response.Text);
                    Steps.Record(response.Text);
                    var labeled = Steps.Label(response.Text);
                    var clean = {|DSYN007:labeled.Replace("AI生成：", "")|};
                    return Content(clean);
                }

                public async Task<IActionResult> Html()
                {
                    var response = await chat.GetResponseAsync("写一个网页");
                    Steps.EnsureAllowed(response.Text);
                    Steps.Record(response.Text);
                    var page = Steps.Label(response.Text);
                    var html = {|DSYN007:System.Text.RegularExpressions.Regex.Replace(page, "<meta name=\"AIGC\"[^>]*>", string.Empty)|};
                    return Content(html, "text/html");
                }
            }
            """);
    }

    [Fact]
    public async Task Other_edits_and_relabeled_text_are_not_reported()
    {
        await Verify("""
            [RequireRealName]
            public class ChatController(IChatClient chat) : ControllerBase
            {
                public async Task<IActionResult> Typography()
                {
                    var response = await chat.GetResponseAsync("写一首诗");
                    Steps.EnsureAllowed(response.Text);
                    Steps.Record(response.Text);
                    var labeled = Steps.Label(response.Text).Replace("\r\n", "\n").Replace("AI生成：", "【AI生成】");
                    return Content(labeled);
                }

                public async Task<IActionResult> Relabel()
                {
                    var response = await chat.GetResponseAsync("写一首诗");
                    Steps.EnsureAllowed(response.Text);
                    Steps.Record(response.Text);
                    var labeled = Steps.Label(response.Text);
                    var body = labeled.Replace("AI生成：", "");
                    return Content(Steps.Label(body.Trim()));
                }

                public async Task<IActionResult> NotPublished()
                {
                    var response = await chat.GetResponseAsync("写一首诗");
                    var labeled = Steps.Label(response.Text);
                    var key = labeled.Replace("AI生成：", "");
                    return Ok(key.Length);
                }
            }
            """);
    }
}
