using System;
using System.Collections.Generic;

namespace DeepSynth.Compliance.Metadata
{
    /// <summary>The carrier of each supported format. The carriers are stateless, so one instance each is shared.</summary>
    public static class AigcMetadataCarriers
    {
        private static readonly Dictionary<MediaFormat, IAigcMetadataCarrier> ByFormat = new Dictionary<MediaFormat, IAigcMetadataCarrier>
        {
            [MediaFormat.Png] = new PngAigcCarrier(),
            [MediaFormat.Jpeg] = new JpegAigcCarrier(),
            [MediaFormat.Wav] = new WavAigcCarrier(),
            [MediaFormat.Mp3] = new Mp3AigcCarrier(),
            [MediaFormat.Mp4] = new Mp4AigcCarrier(),
            [MediaFormat.WebP] = new WebpAigcCarrier(),
            [MediaFormat.Flac] = new FlacAigcCarrier(),
            [MediaFormat.Pdf] = new PdfAigcCarrier(),
            [MediaFormat.Tiff] = new TiffAigcCarrier(),
            [MediaFormat.Gif] = new GifAigcCarrier(),
            [MediaFormat.Avi] = new AviAigcCarrier(),
            [MediaFormat.Ogg] = new OggAigcCarrier(),
            [MediaFormat.Ooxml] = new OoxmlAigcCarrier(),
            [MediaFormat.Markdown] = new MarkdownAigcCarrier(),
        };

        /// <summary>The formats a carrier exists for.</summary>
        public static IReadOnlyCollection<MediaFormat> Formats => ByFormat.Keys;

        /// <summary>The carrier for <paramref name="content"/>'s format.</summary>
        /// <exception cref="AigcMetadataException">The format has no carrier (see <see cref="Formats"/>).</exception>
        public static IAigcMetadataCarrier For(byte[] content) => For(content, null);

        /// <summary>The carrier for <paramref name="content"/>'s format; <paramref name="fileName"/> decides only for Markdown.</summary>
        /// <exception cref="AigcMetadataException">The format has no carrier (see <see cref="Formats"/>).</exception>
        public static IAigcMetadataCarrier For(byte[] content, string? fileName)
        {
            var format = MediaFormatDetector.Detect(content, fileName);
            return ByFormat.TryGetValue(format, out var carrier)
                ? carrier
                : throw new AigcMetadataException("Unsupported file format: AIGC metadata can be carried in " + string.Join(", ", ByFormat.Keys) + " files.");
        }

        /// <summary>The carrier for <paramref name="format"/>, or <c>null</c> when the SDK has none.</summary>
        public static IAigcMetadataCarrier? TryFor(MediaFormat format) => ByFormat.TryGetValue(format, out var carrier) ? carrier : null;

        public static IAigcMetadataCarrier For(MediaFormat format) =>
            ByFormat.TryGetValue(format, out var carrier) ? carrier : throw new ArgumentOutOfRangeException(nameof(format), format, "No carrier for this format.");
    }
}
