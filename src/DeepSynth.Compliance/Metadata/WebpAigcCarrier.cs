using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace DeepSynth.Compliance.Metadata
{
    /// <summary>
    /// AIGC metadata in WebP as the <c>TC260:AIGC</c> element of the XMP packet in the <c>XMP </c> chunk (TC260-PG-20259A),
    /// with the XMP flag set in <c>VP8X</c>. A simple (VP8/VP8L only) file gets the <c>VP8X</c> header it then needs, its
    /// canvas size taken from the bitstream; an existing packet is updated in place. Image chunks are copied byte for byte.
    /// Also reads a bare RIFF <c>AIGC</c> chunk (non-standard).
    /// </summary>
    public sealed class WebpAigcCarrier : IAigcMetadataCarrier
    {
        private const byte XmpFlag = 0x04;
        private const byte AlphaFlag = 0x10;

        public MediaFormat Format => MediaFormat.WebP;

        /// <inheritdoc />
        public AigcMetadata? Read(byte[] file) => AigcLabelSites.Preferred(FindSites(file));

        /// <inheritdoc />
        public IReadOnlyList<AigcLabelSite> FindSites(byte[] file)
        {
            var sites = new List<AigcLabelSite>();
            foreach (var chunk in RiffChunks.Read(file, "WEBP", "WebP"))
            {
                if (chunk.Id == "XMP ")
                {
                    sites.AddRange(XmpAigcPacket.FindSites(Packet(file, chunk), "WebP XMP chunk"));
                }
                else if (string.Equals(chunk.Id, "AIGC", StringComparison.OrdinalIgnoreCase))
                {
                    sites.Add(new AigcLabelSite($"WebP RIFF chunk {chunk.Id}", AigcLabelPlacement.NonStandard, XmpAigcPacket.ImageGuide, Slice(file, chunk)));
                }
            }

            return sites;
        }

        /// <inheritdoc />
        [AigcLabeler]
        public byte[] Embed(byte[] file, AigcMetadata metadata)
        {
            var chunks = RiffChunks.Read(file, "WEBP", "WebP");
            var effective = AigcLabelSites.Effective(this, file, metadata);
            var json = effective.ToPayloadJson();
            var xmp = chunks.FindIndex(c => c.Id == "XMP ");
            var packet = Encoding.UTF8.GetBytes(xmp < 0 ? XmpAigcPacket.Create(json) : XmpAigcPacket.Write(Packet(file, chunks[xmp]), json));
            var block = RiffChunks.Build("XMP ", packet);
            var keep = chunks.Where(c => !string.Equals(c.Id, "AIGC", StringComparison.OrdinalIgnoreCase)).ToList();
            var hasHeader = keep.Any(c => c.Id == "VP8X");
            var header = hasHeader ? null : NewHeader(file, keep);
            var last = keep[keep.Count - 1];
            return RiffChunks.Rebuild(
                file,
                keep,
                c => c.Start == keep[0].Start ? header : null,
                c => c.Id switch
                {
                    "VP8X" => WithXmpFlag(file, c),
                    "XMP " => block,
                    _ when xmp < 0 && c.Start == last.Start => Concat(file, c, block), // a new XMP chunk goes last, after EXIF
                    _ => null,
                });
        }

        private static byte[] NewHeader(byte[] file, List<RiffChunks.RiffChunk> chunks)
        {
            var image = chunks.FirstOrDefault(c => c.Id is "VP8 " or "VP8L");
            if (image.Id is null)
            {
                throw new AigcMetadataException("Corrupt WebP: no VP8X, VP8 or VP8L chunk.");
            }

            int width, height;
            var alpha = chunks.Any(c => c.Id == "ALPH");
            var at = image.DataStart;
            if (image.Id == "VP8 ")
            {
                // Key frame: 3-byte frame tag, start code 9D 01 2A, then 14-bit width and height.
                if (image.Size < 10 || file[at + 3] != 0x9D || file[at + 4] != 0x01 || file[at + 5] != 0x2A)
                {
                    throw new AigcMetadataException("Corrupt WebP: the VP8 chunk does not start with a key frame.");
                }

                width = BinaryPrimitives.ReadUInt16LittleEndian(file.AsSpan(at + 6)) & 0x3FFF;
                height = BinaryPrimitives.ReadUInt16LittleEndian(file.AsSpan(at + 8)) & 0x3FFF;
            }
            else
            {
                if (image.Size < 5 || file[at] != 0x2F)
                {
                    throw new AigcMetadataException("Corrupt WebP: the VP8L chunk lacks its signature.");
                }

                var bits = BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(at + 1));
                width = (int)(bits & 0x3FFF) + 1;
                height = (int)((bits >> 14) & 0x3FFF) + 1;
                alpha |= ((bits >> 28) & 1) == 1;
            }

            var data = new byte[10];
            data[0] = (byte)(XmpFlag | (alpha ? AlphaFlag : 0));
            WriteUInt24(data, 4, width - 1);
            WriteUInt24(data, 7, height - 1);
            return RiffChunks.Build("VP8X", data);
        }

        private static byte[] WithXmpFlag(byte[] file, RiffChunks.RiffChunk header)
        {
            var copy = new byte[header.TotalLength];
            Buffer.BlockCopy(file, header.Start, copy, 0, copy.Length);
            copy[8] |= XmpFlag;
            return copy;
        }

        private static byte[] Concat(byte[] file, RiffChunks.RiffChunk chunk, byte[] block)
        {
            var bytes = new byte[chunk.TotalLength + block.Length];
            Buffer.BlockCopy(file, chunk.Start, bytes, 0, chunk.TotalLength);
            Buffer.BlockCopy(block, 0, bytes, chunk.TotalLength, block.Length);
            return bytes;
        }

        private static void WriteUInt24(byte[] data, int at, int value)
        {
            data[at] = (byte)value;
            data[at + 1] = (byte)(value >> 8);
            data[at + 2] = (byte)(value >> 16);
        }

        private static byte[] Slice(byte[] file, RiffChunks.RiffChunk chunk) => file.AsSpan(chunk.DataStart, chunk.Size).ToArray();

        private static string Packet(byte[] file, RiffChunks.RiffChunk chunk) => XmpAigcPacket.Decode(file, chunk.DataStart, chunk.Size, "the WebP XMP chunk");
    }
}
