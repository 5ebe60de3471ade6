using BenchmarkDotNet.Attributes;
using DeepSynth.Compliance.Imaging;
using DeepSynth.Compliance.Metadata;
using SkiaSharp;

namespace DeepSynth.Compliance.Benchmarks;

/// <summary>Labeling a 3840x2160 PNG: the implicit label alone (chunk rewrite) and with the visible label (decode, draw, encode).</summary>
[MemoryDiagnoser]
public class ImageLabelingBenchmarks
{
    private byte[] _png = Array.Empty<byte>();
    private AigcMetadata _metadata = null!;
    private readonly PngAigcCarrier _carrier = new();
    private readonly VisibleImageLabeler _visible = new();

    [GlobalSetup]
    public void Setup()
    {
        // A gradient with noise compresses like a photo, not like a flat test card.
        using var bitmap = new SKBitmap(3840, 2160);
        var random = new Random(42);
        using (var canvas = new SKCanvas(bitmap))
        using (var paint = new SKPaint())
        {
            paint.Shader = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(3840, 2160), new[] { SKColors.SteelBlue, SKColors.Orange }, SKShaderTileMode.Clamp);
            canvas.DrawRect(0, 0, 3840, 2160, paint);
        }

        for (var i = 0; i < 200_000; i++)
        {
            bitmap.SetPixel(random.Next(3840), random.Next(2160), new SKColor((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256)));
        }

        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        _png = data.ToArray();
        _metadata = new AigcMetadataBuilder("ACME-001").Build();
    }

    [Benchmark(Baseline = true)]
    public byte[] ImplicitLabel() => _carrier.Embed(_png, _metadata);

    [Benchmark]
    public byte[] VisibleAndImplicitLabel() => _carrier.Embed(_visible.Label(_png), _metadata);
}
