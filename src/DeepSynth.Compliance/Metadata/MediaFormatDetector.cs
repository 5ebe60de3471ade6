using System;

namespace DeepSynth.Compliance.Metadata
{
    /// <summary>Recognises a file by its first bytes; extensions lie, magic numbers rarely do.</summary>
    public static class MediaFormatDetector
    {
        /// <summary>
        /// The format of <paramref name="content"/>; <paramref name="fileName"/> only decides for Markdown, which has no
        /// magic bytes (a <c>.md</c>/<c>.markdown</c> name, or a front matter block at the start without a name).
        /// </summary>
        public static MediaFormat Detect(byte[] content, string? fileName)
        {
            var format = Detect(content);
            if (format != MediaFormat.Unknown || fileName is null)
            {
                return format;
            }

            var extension = System.IO.Path.GetExtension(fileName).ToLowerInvariant();
            return extension is ".md" or ".markdown" && MarkdownAigcCarrier.IsText(content) ? MediaFormat.Markdown : MediaFormat.Unknown;
        }

        public static MediaFormat Detect(byte[] content)
        {
            if (content is null)
            {
                throw new ArgumentNullException(nameof(content));
            }

            if (content.Length >= 12 && Ascii(content, 0, 4) == "RIFF" && Ascii(content, 8, 4) == "WEBP")
            {
                return MediaFormat.WebP;
            }

            if (content.Length >= 12 && Ascii(content, 0, 4) == "RIFF" && Ascii(content, 8, 4) == "AVI ")
            {
                return MediaFormat.Avi;
            }

            if (content.Length >= 8 && Ascii(content, 4, 4) is "ftyp" || (content.Length >= 8 && Ascii(content, 4, 4) == "moov"))
            {
                return MediaFormat.Mp4;
            }

            if (content.Length >= 8 && ((content[0] == 'I' && content[1] == 'I' && content[2] == 42 && content[3] == 0) || (content[0] == 'M' && content[1] == 'M' && content[2] == 0 && content[3] == 42)))
            {
                return MediaFormat.Tiff;
            }

            if (Ascii(content, 0, 6) is "GIF87a" or "GIF89a")
            {
                return MediaFormat.Gif;
            }

            if (Ascii(content, 0, 4) == "OggS")
            {
                return MediaFormat.Ogg;
            }

            if (Ascii(content, 0, 4) == "fLaC")
            {
                return MediaFormat.Flac;
            }

            if (Ascii(content, 0, 5) == "%PDF-")
            {
                return MediaFormat.Pdf;
            }

            if (Ascii(content, 0, 4) == "PK\u0003\u0004" && OoxmlAigcCarrier.IsPackage(content))
            {
                return MediaFormat.Ooxml;
            }

            if (MarkdownAigcCarrier.StartsWithFrontMatter(content))
            {
                return MediaFormat.Markdown;
            }

            if (StartsWith(content, PngAigcCarrier.Signature))
            {
                return MediaFormat.Png;
            }

            if (content.Length >= 3 && content[0] == 0xFF && content[1] == 0xD8 && content[2] == 0xFF)
            {
                return MediaFormat.Jpeg;
            }

            if (content.Length >= 12 && Ascii(content, 0, 4) == "RIFF" && Ascii(content, 8, 4) == "WAVE")
            {
                return MediaFormat.Wav;
            }

            if (content.Length >= 3 && Ascii(content, 0, 3) == "ID3")
            {
                return MediaFormat.Mp3;
            }

            // A bare MPEG audio frame: 11 sync bits, a valid version and layer III.
            if (content.Length >= 2 && content[0] == 0xFF && (content[1] & 0xE0) == 0xE0 && (content[1] & 0x18) != 0x08 && (content[1] & 0x06) == 0x02)
            {
                return MediaFormat.Mp3;
            }

            return MediaFormat.Unknown;
        }

        internal static string Ascii(byte[] bytes, int offset, int count) =>
            offset + count <= bytes.Length ? System.Text.Encoding.ASCII.GetString(bytes, offset, count) : string.Empty;

        private static bool StartsWith(byte[] content, byte[] prefix)
        {
            if (content.Length < prefix.Length)
            {
                return false;
            }

            for (var i = 0; i < prefix.Length; i++)
            {
                if (content[i] != prefix[i])
                {
                    return false;
                }
            }

            return true;
        }
    }
}
