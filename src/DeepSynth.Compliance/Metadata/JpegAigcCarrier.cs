using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace DeepSynth.Compliance.Metadata
{
    /// <summary>
    /// AIGC metadata in a JPEG's XMP packet (APP1, <c>http://ns.adobe.com/xap/1.0/</c>) as the <c>TC260:AIGC</c> element
    /// (TC260-PG-20259A). An existing XMP packet keeps all its other properties; a new one goes after the JFIF/Exif
    /// segments. Also reads the Exif <c>UserComment</c> holding <c>{"AIGC":{...}}</c> (Annex B). Scan data is copied byte
    /// for byte.
    /// </summary>
    public sealed class JpegAigcCarrier : IAigcMetadataCarrier
    {
        private static readonly byte[] XmpHeader = Encoding.ASCII.GetBytes("http://ns.adobe.com/xap/1.0/\0");
        private static readonly byte[] ExifHeader = Encoding.ASCII.GetBytes("Exif\0\0");
        private const int MaxSegmentPayload = 65533;

        public MediaFormat Format => MediaFormat.Jpeg;

        /// <inheritdoc />
        public AigcMetadata? Read(byte[] file) => AigcLabelSites.Preferred(FindSites(file));

        /// <inheritdoc />
        public IReadOnlyList<AigcLabelSite> FindSites(byte[] file)
        {
            var sites = new List<AigcLabelSite>();
            foreach (var segment in ReadSegments(file))
            {
                if (segment.Marker != 0xE1)
                {
                    continue;
                }

                if (segment.PayloadStartsWith(file, XmpHeader))
                {
                    sites.AddRange(XmpAigcPacket.FindSites(DecodeXmp(file, segment), "JPEG APP1 XMP"));
                }
                else if (FindExifComment(file, segment) is { } comment)
                {
                    sites.Add(new AigcLabelSite("JPEG APP1 Exif > UserComment", AigcLabelPlacement.Annex, XmpAigcPacket.ImageGuide + " Annex B", Encoding.UTF8.GetBytes(comment.Text)));
                }
            }

            return sites;
        }

        /// <inheritdoc />
        [AigcLabeler]
        public byte[] Embed(byte[] file, AigcMetadata metadata)
        {
            var segments = ReadSegments(file);
            var effective = AigcLabelSites.Effective(this, file, metadata);
            file = WithoutExifLabel(file, segments);
            var xmp = FindXmp(file, segments);
            var oldPacket = xmp is null ? null : DecodeXmp(file, xmp.Value);
            var packet = Encoding.UTF8.GetBytes(XmpAigcPacket.Write(oldPacket, effective.ToPayloadJson()));
            if (packet.Length + XmpHeader.Length > MaxSegmentPayload - 2)
            {
                throw new AigcMetadataException($"The XMP packet would be {packet.Length} bytes, more than one APP1 segment holds; extended XMP is not supported.");
            }

            var insertAfter = 0;
            for (var i = 0; i < segments.Count && segments[i].IsLeadingAppSegment(file); i++)
            {
                insertAfter = i + 1;
            }

            using var output = new MemoryStream(file.Length + packet.Length + 64);
            output.WriteByte(0xFF);
            output.WriteByte(0xD8);
            for (var i = 0; i <= segments.Count; i++)
            {
                if (xmp is null ? i == insertAfter : i == xmp.Value.Index)
                {
                    WriteXmpSegment(output, packet);
                }

                if (i == segments.Count)
                {
                    break;
                }

                if (xmp is null || i != xmp.Value.Index)
                {
                    output.Write(file, segments[i].Start, segments[i].TotalLength);
                }
            }

            var tail = segments.Count == 0 ? 2 : segments[segments.Count - 1].Start + segments[segments.Count - 1].TotalLength;
            output.Write(file, tail, file.Length - tail);
            return output.ToArray();
        }

        private static (int Offset, int Length, string Text)? FindExifComment(byte[] file, JpegSegment segment)
        {
            if (!segment.PayloadStartsWith(file, ExifHeader))
            {
                return null;
            }

            try
            {
                return ExifUserComment.Find(file, segment.PayloadStart + ExifHeader.Length, segment.PayloadStart + segment.PayloadLength);
            }
            catch (AigcMetadataException)
            {
                // A damaged Exif block is the camera's problem, not a label; the image and its XMP stay usable.
                return null;
            }
        }

        /// <summary>A copy whose Exif UserComment label is blanked (same length), so the XMP label is the file's only one.</summary>
        private static byte[] WithoutExifLabel(byte[] file, List<JpegSegment> segments)
        {
            foreach (var segment in segments)
            {
                if (segment.Marker == 0xE1 && FindExifComment(file, segment) is { } comment)
                {
                    var copy = (byte[])file.Clone();
                    ExifUserComment.Blank(copy, comment.Offset, comment.Length);
                    return copy;
                }
            }

            return file;
        }

        private static void WriteXmpSegment(Stream output, byte[] packet)
        {
            var length = packet.Length + XmpHeader.Length + 2;
            output.WriteByte(0xFF);
            output.WriteByte(0xE1);
            output.WriteByte((byte)(length >> 8));
            output.WriteByte((byte)length);
            output.Write(XmpHeader, 0, XmpHeader.Length);
            output.Write(packet, 0, packet.Length);
        }

        private static string DecodeXmp(byte[] file, JpegSegment segment)
        {
            var start = segment.PayloadStart + XmpHeader.Length;
            return XmpAigcPacket.Decode(file, start, segment.PayloadStart + segment.PayloadLength - start, "the JPEG's APP1 segment");
        }

        private static JpegSegment? FindXmp(byte[] file, List<JpegSegment> segments)
        {
            foreach (var segment in segments)
            {
                if (segment.Marker == 0xE1 && segment.PayloadStartsWith(file, XmpHeader))
                {
                    return segment;
                }
            }

            return null;
        }

        /// <summary>The marker segments between SOI and the first scan (SOS) or EOI; what follows is copied verbatim.</summary>
        private static List<JpegSegment> ReadSegments(byte[] file)
        {
            if (file is null)
            {
                throw new ArgumentNullException(nameof(file));
            }

            if (MediaFormatDetector.Detect(file) != MediaFormat.Jpeg)
            {
                throw new AigcMetadataException("Not a JPEG file: it does not start with the SOI marker FF D8.");
            }

            var segments = new List<JpegSegment>();
            var offset = 2;
            while (true)
            {
                if (offset + 1 >= file.Length)
                {
                    throw new AigcMetadataException($"Truncated JPEG: the file ends at byte {file.Length} before the image data.");
                }

                if (file[offset] != 0xFF)
                {
                    throw new AigcMetadataException($"Corrupt JPEG: expected a marker at byte {offset}, found 0x{file[offset]:X2}.");
                }

                var markerAt = offset;
                while (offset < file.Length && file[offset] == 0xFF)
                {
                    offset++; // fill bytes
                }

                if (offset >= file.Length)
                {
                    throw new AigcMetadataException("Truncated JPEG: the file ends inside a marker.");
                }

                var marker = file[offset++];
                if (marker == 0xDA || marker == 0xD9)
                {
                    // Start of scan or end of image: everything from here on is kept as it is.
                    return TrimTo(segments, markerAt);
                }

                if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7))
                {
                    continue;
                }

                if (offset + 2 > file.Length)
                {
                    throw new AigcMetadataException($"Truncated JPEG: segment 0x{marker:X2} at byte {markerAt} has no length.");
                }

                var length = (file[offset] << 8) | file[offset + 1];
                if (length < 2 || offset + length > file.Length)
                {
                    throw new AigcMetadataException($"Truncated JPEG: segment 0x{marker:X2} at byte {markerAt} declares {length} bytes, but only {file.Length - offset} remain.");
                }

                segments.Add(new JpegSegment(segments.Count, marker, markerAt, offset + 2, length - 2));
                offset += length;
            }
        }

        private static List<JpegSegment> TrimTo(List<JpegSegment> segments, int scanStart)
        {
            // Fill bytes between segments are dropped by the rewrite; make the last segment end where the scan starts
            // so no byte of the scan is lost or duplicated.
            if (segments.Count > 0)
            {
                var last = segments[segments.Count - 1];
                segments[segments.Count - 1] = new JpegSegment(last.Index, last.Marker, last.Start, last.PayloadStart, last.PayloadLength, scanStart - last.Start);
            }
            else if (scanStart != 2)
            {
                throw new AigcMetadataException("Corrupt JPEG: unexpected bytes between SOI and the first segment.");
            }

            return segments;
        }

        private readonly struct JpegSegment
        {
            public JpegSegment(int index, byte marker, int start, int payloadStart, int payloadLength, int? totalLength = null)
            {
                Index = index;
                Marker = marker;
                Start = start;
                PayloadStart = payloadStart;
                PayloadLength = payloadLength;
                TotalLength = totalLength ?? payloadStart + payloadLength - start;
            }

            public int Index { get; }

            public byte Marker { get; }

            public int Start { get; }

            public int PayloadStart { get; }

            public int PayloadLength { get; }

            public int TotalLength { get; }

            public bool PayloadStartsWith(byte[] file, byte[] prefix)
            {
                if (PayloadLength < prefix.Length)
                {
                    return false;
                }

                for (var i = 0; i < prefix.Length; i++)
                {
                    if (file[PayloadStart + i] != prefix[i])
                    {
                        return false;
                    }
                }

                return true;
            }

            /// <summary>JFIF (APP0) and Exif (APP1) come first by convention; the XMP segment goes after them.</summary>
            public bool IsLeadingAppSegment(byte[] file) =>
                Marker == 0xE0 || (Marker == 0xE1 && PayloadStartsWith(file, Encoding.ASCII.GetBytes("Exif\0")));
        }
    }
}
