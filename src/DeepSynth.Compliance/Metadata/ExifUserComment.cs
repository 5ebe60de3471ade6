using System;
using System.Linq;
using System.Text;

namespace DeepSynth.Compliance.Metadata
{
    /// <summary>
    /// The Exif <c>UserComment</c> (tag 0x9286 in the Exif IFD) holding <c>{"AIGC":{...}}</c>, the JPEG alternative of
    /// TC260-PG-20259A Annex B. Read only: the SDK writes XMP and blanks this copy so the file keeps one label.
    /// </summary>
    internal static class ExifUserComment
    {
        private const ushort ExifIfdPointer = 0x8769;
        private const ushort UserCommentTag = 0x9286;

        /// <summary>Where the comment's value lies in <paramref name="data"/> and its decoded text, or <c>null</c>.</summary>
        public static (int Offset, int Length, string Text)? Find(byte[] data, int tiffStart, int tiffEnd)
        {
            var tiff = TiffDirectory.Open(data, tiffStart, tiffEnd);
            if (tiff is null)
            {
                return null;
            }

            var (ifd0, _) = tiff.ReadIfd(tiff.FirstIfdOffset);
            var pointer = ifd0.FirstOrDefault(e => e.Tag == ExifIfdPointer);
            if (pointer.Tag != ExifIfdPointer)
            {
                return null;
            }

            var (exif, _) = tiff.ReadIfd(tiff.Scalar(pointer));
            var comment = exif.FirstOrDefault(e => e.Tag == UserCommentTag);
            if (comment.Tag != UserCommentTag || comment.ValueOffset < 0 || comment.ByteLength <= 8)
            {
                return null;
            }

            var text = Decode(data, comment.ValueOffset, comment.ByteLength, tiff.LittleEndian);
            return text.IndexOf("AIGC", StringComparison.OrdinalIgnoreCase) >= 0 && text.TrimStart().StartsWith("{", StringComparison.Ordinal)
                ? (comment.ValueOffset, comment.ByteLength, text)
                : null;
        }

        /// <summary>Empties the comment in place (undefined character code, zero bytes), so no offset in the file moves.</summary>
        public static void Blank(byte[] data, int offset, int length) => Array.Clear(data, offset, length);

        private static string Decode(byte[] data, int offset, int length, bool littleEndian)
        {
            // The first 8 bytes name the character code: "ASCII\0\0\0", "UNICODE\0", "JIS\0\0\0\0\0" or zeros (undefined).
            var code = Encoding.ASCII.GetString(data, offset, 8).TrimEnd('\0');
            var body = Encoding.UTF8.GetString(data, offset + 8, length - 8);
            if (code == "UNICODE")
            {
                body = new UnicodeEncoding(!littleEndian, false).GetString(data, offset + 8, length - 8);
            }

            return body.Trim('\0', ' ');
        }
    }
}
