using DeepSynth.Compliance.Imaging;
using DeepSynth.Compliance.Metadata;
using DeepSynth.Compliance.Tests.Support;
using SkiaSharp;

namespace DeepSynth.Compliance.Tests.Imaging;

public class VisibleImageLabelerTests
{
    [Theory]
    [InlineData("png", ImageLabelCorner.BottomRight)]
    [InlineData("png", ImageLabelCorner.TopLeft)]
    [InlineData("jpeg", ImageLabelCorner.BottomLeft)]
    [InlineData("jpeg", ImageLabelCorner.TopRight)]
    public void Draws_text_at_least_5_percent_of_the_shortest_side_high_in_the_chosen_corner(string format, ImageLabelCorner corner)
    {
        var image = format == "png" ? TestMedia.Png(400, 300) : TestMedia.Jpeg(400, 300);
        var labeler = new VisibleImageLabeler(new ImageLabelOptions { Corner = corner, Backdrop = false });

        var labeled = labeler.Label(image);

        Assert.Equal(MediaFormatDetector.Detect(image), MediaFormatDetector.Detect(labeled));
        var ink = InkBounds(labeled);
        Assert.True(ink.Height >= 15, $"text is {ink.Height}px high; 5% of 300px is 15px");
        var left = corner is ImageLabelCorner.TopLeft or ImageLabelCorner.BottomLeft;
        var top = corner is ImageLabelCorner.TopLeft or ImageLabelCorner.TopRight;
        Assert.Equal(left, ink.MidX < 200);
        Assert.Equal(top, ink.MidY < 150);
    }

    [Fact]
    public void A_larger_ratio_makes_larger_text()
    {
        var small = InkBounds(new VisibleImageLabeler(new ImageLabelOptions { Backdrop = false }).Label(TestMedia.Png(400, 400)));
        var large = InkBounds(new VisibleImageLabeler(new ImageLabelOptions { Backdrop = false, TextHeightRatio = 0.1 }).Label(TestMedia.Png(400, 400)));
        Assert.True(large.Height >= 40 && large.Height > small.Height * 1.6, $"{small.Height} -> {large.Height}");
    }

    [Fact]
    public void Carries_the_implicit_label_over_the_re_encoding()
    {
        var carrier = new PngAigcCarrier();
        var metadata = new AigcMetadataBuilder("ACME").WithProduceId("p-1").Build();
        var labeled = new VisibleImageLabeler().Label(carrier.Embed(TestMedia.Png(200, 200), metadata));
        Assert.Equal(metadata.ToJson(), carrier.Read(labeled)!.ToJson());
    }

    [Fact]
    public void A_ratio_below_5_percent_is_a_configuration_error()
    {
        var error = Assert.Throws<ComplianceConfigurationException>(() => new VisibleImageLabeler(new ImageLabelOptions { TextHeightRatio = 0.03 }));
        Assert.Contains("GB 45438 minimum", error.Message);
    }

    [Fact]
    public void Text_the_embedded_font_cannot_draw_needs_a_configured_font()
    {
        var error = Assert.Throws<ComplianceConfigurationException>(() => new VisibleImageLabeler(new ImageLabelOptions { Text = "AI生成·鑫" }));
        Assert.Contains("Image:FontPath", error.Message);
    }

    [Fact]
    public void An_image_too_narrow_for_the_label_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => new VisibleImageLabeler(new ImageLabelOptions { Text = "本内容由人工智能生成合成内容" }).Label(TestMedia.Png(60, 400)));
        Assert.Contains("does not fit", error.Message);
    }

    [Fact]
    public void Undecodable_images_are_reported()
    {
        var png = TestMedia.Png();
        var error = Assert.Throws<AigcMetadataException>(() => new VisibleImageLabeler().Label(png[..40]));
        Assert.Contains("PNG", error.Message);
    }

    /// <summary>The box around the near-white pixels (the label ink) on the blue-grey test image.</summary>
    private static (int Height, int MidX, int MidY) InkBounds(byte[] image)
    {
        using var bitmap = SKBitmap.Decode(image);
        int minX = int.MaxValue, minY = int.MaxValue, maxX = -1, maxY = -1;
        for (var y = 0; y < bitmap.Height; y++)
        {
            for (var x = 0; x < bitmap.Width; x++)
            {
                var pixel = bitmap.GetPixel(x, y);
                if (pixel.Red > 200 && pixel.Green > 200 && pixel.Blue > 200)
                {
                    minX = Math.Min(minX, x);
                    maxX = Math.Max(maxX, x);
                    minY = Math.Min(minY, y);
                    maxY = Math.Max(maxY, y);
                }
            }
        }

        Assert.True(maxX >= 0, "no label ink found");
        return (maxY - minY + 1, (minX + maxX) / 2, (minY + maxY) / 2);
    }
}
