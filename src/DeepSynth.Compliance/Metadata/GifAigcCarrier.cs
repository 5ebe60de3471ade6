using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;

namespace DeepSynth.Compliance.Metadata
{
    /// <summary>
    /// AIGC metadata in GIF as the <c>TC260:AIGC</c> element of an XMP application extension (<c>XMP DataXMP</c>, the
    /// packet followed by the 258-byte "magic trailer" of XMP Part 3, so decoders skip it as sub-blocks) (TC260-PG-20259A).
    /// An existing XMP extension is rewritten where it stands; a new one goes just before the trailer. Every other block is
    /// copied byte for byte. Also reads a comment extension holding an AIGC label (non-standard).
    /// </summary>
    public sealed class GifAigcCarrier : IAigcMetadataCarrier
    {
        private static readonly byte[] XmpIdentifier = Encoding.ASCII.GetBytes("XMP DataXMP");

        public MediaFormat Format => MediaFormat.Gif;

        /// <inheritdoc />
        public AigcMetadata? Read(byte[] file) => AigcLabelSites.Preferred(FindSites(file));

        /// <inheritdoc />
        public IReadOnlyList<AigcLabelSite> FindSites(byte[] file)
        {
            var sites = new List<AigcLabelSite>();
            foreach (var block in ReadBlocks(file))
            {
                if (block.IsXmp)
                {
                    sites.AddRange(XmpAigcPacket.FindSites(Packet(file, block), "GIF XMP application extension"));
                }
                else if (IsAigcComment(file, block))
                {
                    sites.Add(new AigcLabelSite("GIF comment extension", AigcLabelPlacement.NonStandard, XmpAigcPacket.ImageGuide, Encoding.UTF8.GetBytes(CommentText(file, block)!)));
                }
            }

            return sites;
        }

        /// <inheritdoc />
        [AigcLabeler]
        public byte[] Embed(byte[] file, AigcMetadata metadata)
        {
            var blocks = ReadBlocks(file);
            var effective = AigcLabelSites.Effective(this, file, metadata);
            var json = effective.ToPayloadJson();
            var xmp = blocks.FindIndex(b => b.IsXmp);
            var extension = BuildXmpExtension(Encoding.UTF8.GetBytes(xmp < 0 ? XmpAigcPacket.Create(json) : XmpAigcPacket.Write(Packet(file, blocks[xmp]), json)));
            using var output = new MemoryStream(file.Length + extension.Length);
            output.Write(file, 0, blocks[0].Start); // header, screen descriptor, global colour table
            for (var i = 0; i < blocks.Count; i++)
            {
                var block = blocks[i];
                if (i == xmp || (xmp < 0 && block.IsTrailer))
                {
                    output.Write(extension, 0, extension.Length);
                    if (i == xmp)
                    {
                        continue;
                    }
                }

                if (IsAigcComment(file, block))
                {
                    continue; // one label site per file
                }

                output.Write(file, block.Start, block.End - block.Start);
            }

            return output.ToArray();
        }

        private static bool IsAigcComment(byte[] file, GifBlock block) =>
            CommentText(file, block) is { } text && text.IndexOf("AIGC", StringComparison.OrdinalIgnoreCase) >= 0 && text.TrimStart().StartsWith("{", StringComparison.Ordinal);

        private static byte[] BuildXmpExtension(byte[] packet)
        {
            if (Array.IndexOf(packet, (byte)0) >= 0)
            {
                throw new AigcMetadataException("The XMP packet contains a NUL byte, which a GIF XMP extension cannot carry.");
            }

            var bytes = new byte[3 + XmpIdentifier.Length + packet.Length + 258];
            bytes[0] = 0x21;
            bytes[1] = 0xFF;
            bytes[2] = (byte)XmpIdentifier.Length;
            XmpIdentifier.CopyTo(bytes, 3);
            packet.CopyTo(bytes, 3 + XmpIdentifier.Length);
            var trailer = 3 + XmpIdentifier.Length + packet.Length;
            bytes[trailer] = 0x01;
            for (var i = 0; i < 256; i++)
            {
                bytes[trailer + 1 + i] = (byte)(0xFF - i);
            }

            bytes[trailer + 257] = 0x00; // block terminator
            return bytes;
        }

        /// <summary>The XMP packet: the raw bytes after the identifier, up to the magic trailer.</summary>
        private static string Packet(byte[] file, GifBlock block)
        {
            var start = block.Start + 3 + XmpIdentifier.Length;
            var end = start;
            while (end + 3 < block.End && !(file[end] == 0x01 && file[end + 1] == 0xFF && file[end + 2] == 0xFE && file[end + 3] == 0xFD))
            {
                end++;
            }

            return XmpAigcPacket.Decode(file, start, end - start, "the GIF XMP extension");
        }

        private static string? CommentText(byte[] file, GifBlock block)
        {
            if (!block.IsComment)
            {
                return null;
            }

            using var text = new MemoryStream();
            for (var at = block.Start + 2; at < block.End && file[at] != 0; at += 1 + file[at])
            {
                text.Write(file, at + 1, Math.Min(file[at], block.End - at - 1));
            }

            return Encoding.UTF8.GetString(text.ToArray());
        }

        private static List<GifBlock> ReadBlocks(byte[] file)
        {
            if (file is null)
            {
                throw new ArgumentNullException(nameof(file));
            }

            if (MediaFormatDetector.Detect(file) != MediaFormat.Gif || file.Length < 13)
            {
                throw new AigcMetadataException("Not a GIF file: it does not start with GIF87a or GIF89a.");
            }

            var offset = 13 + ColourTableSize(file[10]);
            var blocks = new List<GifBlock>();
            while (true)
            {
                if (offset >= file.Length)
                {
                    throw new AigcMetadataException($"Truncated GIF: the file ends at byte {file.Length} before the trailer.");
                }

                var start = offset;
                switch (file[offset])
                {
                    case 0x3B:
                        blocks.Add(new GifBlock(start, offset + 1, isXmp: false, isComment: false, isTrailer: true));
                        return blocks;
                    case 0x21:
                        if (offset + 2 > file.Length)
                        {
                            throw new AigcMetadataException("Truncated GIF: an extension has no label.");
                        }

                        var label = file[offset + 1];
                        var isXmp = label == 0xFF && offset + 3 + XmpIdentifier.Length <= file.Length && file[offset + 2] == XmpIdentifier.Length
                            && file.AsSpan(offset + 3, XmpIdentifier.Length).SequenceEqual(XmpIdentifier);
                        offset = SkipSubBlocks(file, offset + 2);
                        blocks.Add(new GifBlock(start, offset, isXmp, isComment: label == 0xFE, isTrailer: false));
                        break;
                    case 0x2C:
                        if (offset + 10 > file.Length)
                        {
                            throw new AigcMetadataException("Truncated GIF: an image descriptor is cut off.");
                        }

                        offset += 10 + ColourTableSize(file[offset + 9]) + 1; // descriptor, local colour table, LZW code size
                        offset = SkipSubBlocks(file, offset);
                        blocks.Add(new GifBlock(start, offset, isXmp: false, isComment: false, isTrailer: false));
                        break;
                    default:
                        throw new AigcMetadataException($"Corrupt GIF: unexpected byte 0x{file[offset]:X2} at {offset}, where a block should start.");
                }
            }
        }

        private static int ColourTableSize(byte packed) => (packed & 0x80) == 0 ? 0 : 3 * (1 << ((packed & 0x07) + 1));

        /// <summary>Skips length-prefixed sub-blocks to just past the zero terminator (an XMP packet is skipped this way too).</summary>
        private static int SkipSubBlocks(byte[] file, int at)
        {
            while (true)
            {
                if (at >= file.Length)
                {
                    throw new AigcMetadataException("Truncated GIF: the file ends inside a block.");
                }

                var size = file[at];
                at += 1 + size;
                if (size == 0)
                {
                    return at;
                }
            }
        }

        private readonly struct GifBlock
        {
            public GifBlock(int start, int end, bool isXmp, bool isComment, bool isTrailer)
            {
                Start = start;
                End = end;
                IsXmp = isXmp;
                IsComment = isComment;
                IsTrailer = isTrailer;
            }

            public int Start { get; }

            public int End { get; }

            public bool IsXmp { get; }

            public bool IsComment { get; }

            public bool IsTrailer { get; }
        }
    }
}
