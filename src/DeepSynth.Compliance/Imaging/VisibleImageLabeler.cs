using System;
using System.Threading;
using DeepSynth.Compliance.Labeling;
using DeepSynth.Compliance.Metadata;
using SkiaSharp;

namespace DeepSynth.Compliance.Imaging
{
    /// <summary>Draws the visible label with Skia. Thread-safe: every call works on its own bitmap.</summary>
    public sealed class VisibleImageLabeler : IVisibleImageLabeler
    {
        private readonly ImageLabelOptions _options;
        private readonly string _text;

        public VisibleImageLabeler()
            : this(new ImageLabelOptions())
        {
        }

        /// <exception cref="ComplianceConfigurationException">The options are invalid or the font lacks the label's glyphs.</exception>
        public VisibleImageLabeler(ImageLabelOptions options)
        {
            _options = options ?? throw new ArgumentNullException(nameof(options));
            ComplianceConfigurationException.ThrowIfAny(options.Validate());
            _text = LabelText.Parse(options.Text).Value;
            using var font = new SKFont(LabelTypeface.Get(options.FontPath), 100);
            if (!font.ContainsGlyphs(_text))
            {
                // Drawing missing glyphs gives empty boxes: a label nobody can read is no label.
                throw new ComplianceConfigurationException(new[]
                {
                    $"The label font has no glyphs for some characters of \"{_text}\"; set Image:FontPath to a font that covers them.",
                });
            }
        }

        /// <inheritdoc />
        [AigcLabeler]
        public byte[] Label(byte[] image, CancellationToken cancellationToken = default)
        {
            if (image is null)
            {
                throw new ArgumentNullException(nameof(image));
            }

            var format = MediaFormatDetector.Detect(image);
            if (format is not (MediaFormat.Png or MediaFormat.Jpeg))
            {
                throw new AigcMetadataException("The visible image label supports PNG and JPEG images.");
            }

            var carrier = AigcMetadataCarriers.For(format);
            var metadata = carrier.Read(image);
            cancellationToken.ThrowIfCancellationRequested();

            using var bitmap = SKBitmap.Decode(image)
                ?? throw new AigcMetadataException("The image could not be decoded; it may be truncated or corrupt.");
            using (var canvas = new SKCanvas(bitmap))
            {
                Draw(canvas, bitmap.Width, bitmap.Height);
            }

            cancellationToken.ThrowIfCancellationRequested();
            using var data = bitmap.Encode(format == MediaFormat.Png ? SKEncodedImageFormat.Png : SKEncodedImageFormat.Jpeg, format == MediaFormat.Png ? 100 : _options.JpegQuality)
                ?? throw new InvalidOperationException("Skia could not encode the labeled image.");
            var labeled = data.ToArray();
            return metadata is null ? labeled : carrier.Embed(labeled, metadata);
        }

        private void Draw(SKCanvas canvas, int width, int height)
        {
            var shortest = Math.Min(width, height);
            // One pixel over the minimum: anti-aliased top and bottom rows are faint, and the label must measure
            // at least 5% however an inspector counts pixels.
            var target = (float)Math.Ceiling(shortest * _options.TextHeightRatio) + 1;
            using var font = new SKFont(LabelTypeface.Get(_options.FontPath), 100) { Edging = SKFontEdging.Antialias, Subpixel = true };
            font.MeasureText(_text, out var reference);
            font.Size = Math.Max(1f, (float)Math.Ceiling(100 * target / reference.Height));
            font.MeasureText(_text, out var bounds);
            while (bounds.Height < target)
            {
                font.Size += 1; // rounding in the rasteriser's metrics; never end below the minimum
                font.MeasureText(_text, out bounds);
            }

            var margin = Math.Max(2f, shortest * 0.02f);
            var padding = bounds.Height * 0.25f;
            var boxWidth = bounds.Width + (2 * padding);
            var boxHeight = bounds.Height + (2 * padding);
            if (boxWidth + (2 * margin) > width || boxHeight + (2 * margin) > height)
            {
                throw new ArgumentException(
                    $"The image is {width}x{height} pixels; the label \"{_text}\" at {bounds.Height:0}px (5% of the shortest side or more) does not fit. Use a shorter label text or a larger image.",
                    "image");
            }

            var left = _options.Corner is ImageLabelCorner.BottomLeft or ImageLabelCorner.TopLeft ? margin : width - margin - boxWidth;
            var top = _options.Corner is ImageLabelCorner.TopLeft or ImageLabelCorner.TopRight ? margin : height - margin - boxHeight;
            if (_options.Backdrop)
            {
                using var backdrop = new SKPaint { Color = new SKColor(0, 0, 0, 128), IsAntialias = true };
                canvas.DrawRoundRect(new SKRect(left, top, left + boxWidth, top + boxHeight), padding, padding, backdrop);
            }

            using var ink = new SKPaint { Color = SKColors.White, IsAntialias = true };
            canvas.DrawText(_text, left + padding - bounds.Left, top + padding - bounds.Top, SKTextAlign.Left, font, ink);
        }
    }
}
