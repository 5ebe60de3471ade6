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
        };

        /// <summary>The carrier for <paramref name="content"/>'s format.</summary>
        /// <exception cref="AigcMetadataException">The format is not PNG, JPEG, WAV or MP3.</exception>
        public static IAigcMetadataCarrier For(byte[] content)
        {
            var format = MediaFormatDetector.Detect(content);
            return ByFormat.TryGetValue(format, out var carrier)
                ? carrier
                : throw new AigcMetadataException("Unsupported file format: AIGC metadata can be carried in PNG, JPEG, WAV and MP3 files.");
        }

        public static IAigcMetadataCarrier For(MediaFormat format) =>
            ByFormat.TryGetValue(format, out var carrier) ? carrier : throw new ArgumentOutOfRangeException(nameof(format), format, "No carrier for this format.");
    }
}
