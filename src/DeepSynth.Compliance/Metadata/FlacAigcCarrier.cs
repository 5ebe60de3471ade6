using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;

namespace DeepSynth.Compliance.Metadata
{
    /// <summary>
    /// AIGC metadata in FLAC as the Vorbis comment <c>AIGC=...</c> (TC260-PG-202510A) in the <c>VORBIS_COMMENT</c> block.
    /// An existing comment is replaced where it stood and the vendor string and other comments are kept; a new block goes
    /// right after STREAMINFO. The size change is taken out of a following PADDING block when it is large enough, so the
    /// audio frames do not move; otherwise the frames are copied byte for byte behind the grown metadata.
    /// </summary>
    public sealed class FlacAigcCarrier : IAigcMetadataCarrier
    {
        private const byte StreamInfo = 0;
        private const byte Padding = 1;
        private const byte VorbisComment = 4;

        public MediaFormat Format => MediaFormat.Flac;

        /// <inheritdoc />
        public AigcMetadata? Read(byte[] file) => AigcLabelSites.Preferred(FindSites(file));

        /// <inheritdoc />
        public IReadOnlyList<AigcLabelSite> FindSites(byte[] file) =>
            ReadBlocks(file).Where(b => b.Type == VorbisComment).SelectMany(b => VorbisComments.Sites(Comments(file, b).Comments, "FLAC VORBIS_COMMENT")).ToList();

        /// <inheritdoc />
        [AigcLabeler]
        public byte[] Embed(byte[] file, AigcMetadata metadata)
        {
            var blocks = ReadBlocks(file);
            var effective = AigcLabelSites.Effective(this, file, metadata);
            var existing = blocks.FindIndex(b => b.Type == VorbisComment);
            var (vendor, comments) = existing >= 0 ? Comments(file, blocks[existing]) : ("DeepSynth.Compliance", new List<string>());
            var newComment = VorbisComments.Build(vendor, VorbisComments.WithLabel(comments, effective.ToPayloadJson()));
            var payloads = blocks.Select(b => (b.Type, Data: file.AsSpan(b.DataStart, b.Length).ToArray())).ToList();
            var oldSize = existing >= 0 ? blocks[existing].Length + 4 : 0;
            if (existing >= 0)
            {
                payloads[existing] = (VorbisComment, newComment);
            }
            else
            {
                payloads.Insert(1, (VorbisComment, newComment));
            }

            // Absorb the growth (or shrinkage) in the first PADDING block, so the frames keep their offsets.
            var delta = newComment.Length + 4 - oldSize;
            var padding = payloads.FindIndex(p => p.Type == Padding);
            if (padding >= 0 && payloads[padding].Data.Length - delta >= 0)
            {
                payloads[padding] = (Padding, new byte[payloads[padding].Data.Length - delta]);
            }

            var framesStart = blocks[blocks.Count - 1].DataStart + blocks[blocks.Count - 1].Length;
            using var output = new MemoryStream(file.Length + Math.Max(0, delta));
            output.Write(file, 0, 4);
            for (var i = 0; i < payloads.Count; i++)
            {
                var (type, data) = payloads[i];
                if (data.Length >= 1 << 24)
                {
                    throw new AigcMetadataException("A FLAC metadata block would exceed 16 MB.");
                }

                output.WriteByte((byte)(type | (i == payloads.Count - 1 ? 0x80 : 0)));
                output.WriteByte((byte)(data.Length >> 16));
                output.WriteByte((byte)(data.Length >> 8));
                output.WriteByte((byte)data.Length);
                output.Write(data, 0, data.Length);
            }

            output.Write(file, framesStart, file.Length - framesStart);
            return output.ToArray();
        }

        private static List<FlacBlock> ReadBlocks(byte[] file)
        {
            if (file is null)
            {
                throw new ArgumentNullException(nameof(file));
            }

            if (MediaFormatDetector.Detect(file) != MediaFormat.Flac)
            {
                throw new AigcMetadataException("Not a FLAC file: it does not start with fLaC.");
            }

            var blocks = new List<FlacBlock>();
            var offset = 4;
            while (true)
            {
                if (offset + 4 > file.Length)
                {
                    throw new AigcMetadataException($"Truncated FLAC: the file ends at byte {file.Length} inside the metadata blocks.");
                }

                var header = file[offset];
                var length = (file[offset + 1] << 16) | (file[offset + 2] << 8) | file[offset + 3];
                if (offset + 4L + length > file.Length)
                {
                    throw new AigcMetadataException($"Truncated FLAC: metadata block {header & 0x7F} at byte {offset} declares {length} bytes, but only {file.Length - offset - 4} remain.");
                }

                blocks.Add(new FlacBlock((byte)(header & 0x7F), offset + 4, length));
                if (blocks.Count == 1 && blocks[0].Type != StreamInfo)
                {
                    throw new AigcMetadataException("Corrupt FLAC: the first metadata block is not STREAMINFO.");
                }

                offset += 4 + length;
                if ((header & 0x80) != 0)
                {
                    return blocks;
                }
            }
        }

        private static (string Vendor, List<string> Comments) Comments(byte[] file, FlacBlock block)
        {
            var (vendor, comments, _) = VorbisComments.Parse(file, block.DataStart, block.DataStart + block.Length, "FLAC");
            return (vendor, comments);
        }

        private readonly struct FlacBlock
        {
            public FlacBlock(byte type, int dataStart, int length)
            {
                Type = type;
                DataStart = dataStart;
                Length = length;
            }

            public byte Type { get; }

            public int DataStart { get; }

            public int Length { get; }
        }
    }
}
