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
        private const string Field = "AIGC";

        /// <summary>More comments than any real file has; bounds a hostile count.</summary>
        private const int MaxComments = 10_000;

        public MediaFormat Format => MediaFormat.Flac;

        /// <inheritdoc />
        public AigcMetadata? Read(byte[] file) => AigcLabelSites.Preferred(FindSites(file));

        /// <inheritdoc />
        public IReadOnlyList<AigcLabelSite> FindSites(byte[] file)
        {
            var sites = new List<AigcLabelSite>();
            foreach (var block in ReadBlocks(file).Where(b => b.Type == VorbisComment))
            {
                foreach (var comment in Comments(file, block).Comments.Where(IsAigc))
                {
                    var name = comment.Substring(0, comment.IndexOf('='));
                    var standard = string.Equals(name, Field, StringComparison.OrdinalIgnoreCase); // Vorbis field names ignore case
                    sites.Add(new AigcLabelSite($"FLAC VORBIS_COMMENT {name}=", standard ? AigcLabelPlacement.Standard : AigcLabelPlacement.NonStandard, Mp3AigcCarrier.AudioGuide, Encoding.UTF8.GetBytes(comment.Substring(name.Length + 1))));
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
            var ours = Field + "=" + effective.ToPayloadJson();
            var existing = blocks.FindIndex(b => b.Type == VorbisComment);
            string vendor;
            var comments = new List<string>();
            if (existing >= 0)
            {
                var read = Comments(file, blocks[existing]);
                vendor = read.Vendor;
                var at = read.Comments.FindIndex(IsAigc);
                comments.AddRange(read.Comments.Where(c => !IsAigc(c)));
                comments.Insert(at < 0 ? comments.Count : at, ours); // relabeling keeps the comment where it stood
            }
            else
            {
                vendor = "DeepSynth.Compliance";
                comments.Add(ours);
            }

            var newComment = BuildComments(vendor, comments);
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

        private static bool IsAigc(string comment)
        {
            var equals = comment.IndexOf('=');
            return equals > 0 && comment.Substring(0, equals).IndexOf(Field, StringComparison.OrdinalIgnoreCase) >= 0;
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
            var at = block.DataStart;
            var end = block.DataStart + block.Length;
            string Next()
            {
                if (at + 4 > end)
                {
                    throw new AigcMetadataException("Corrupt FLAC: the VORBIS_COMMENT block ends inside a length.");
                }

                var length = BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(at));
                if (length > (uint)(end - at - 4))
                {
                    throw new AigcMetadataException($"Corrupt FLAC: a Vorbis comment declares {length} bytes, more than its block holds.");
                }

                var text = Encoding.UTF8.GetString(file, at + 4, (int)length);
                at += 4 + (int)length;
                return text;
            }

            var vendor = Next();
            if (at + 4 > end)
            {
                throw new AigcMetadataException("Corrupt FLAC: the VORBIS_COMMENT block has no comment count.");
            }

            var count = BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(at));
            at += 4;
            if (count > MaxComments)
            {
                throw new AigcMetadataException($"Corrupt FLAC: the VORBIS_COMMENT block declares {count} comments.");
            }

            var comments = new List<string>((int)count);
            for (var i = 0; i < count; i++)
            {
                comments.Add(Next());
            }

            return (vendor, comments);
        }

        private static byte[] BuildComments(string vendor, List<string> comments)
        {
            using var output = new MemoryStream();
            void Write(string text)
            {
                var bytes = Encoding.UTF8.GetBytes(text);
                var length = new byte[4];
                BinaryPrimitives.WriteUInt32LittleEndian(length, (uint)bytes.Length);
                output.Write(length, 0, 4);
                output.Write(bytes, 0, bytes.Length);
            }

            Write(vendor);
            var count = new byte[4];
            BinaryPrimitives.WriteUInt32LittleEndian(count, (uint)comments.Count);
            output.Write(count, 0, 4);
            foreach (var comment in comments)
            {
                Write(comment);
            }

            return output.ToArray();
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
