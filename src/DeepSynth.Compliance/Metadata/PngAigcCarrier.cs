using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Text;

namespace DeepSynth.Compliance.Metadata
{
    /// <summary>
    /// AIGC metadata in PNG. Writes the <c>TC260:AIGC</c> element into the XMP packet of an uncompressed <c>iTXt</c> chunk
    /// with keyword <c>XML:com.adobe.xmp</c> (TC260-PG-20259A; an existing packet is updated in place, a new chunk goes
    /// right after IHDR). Reads that, <c>tEXt</c>/<c>zTXt</c> keyword <c>AIGC</c> (Annex B) and the non-standard sites
    /// others use (an <c>iTXt</c> keyword <c>AIGC</c>, keywords that merely contain it). Every chunk's CRC is checked, so a
    /// damaged file is reported instead of being relabeled.
    /// </summary>
    public sealed class PngAigcCarrier : IAigcMetadataCarrier
    {
        internal static readonly byte[] Signature = { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A };
        private const string XmpKeyword = "XML:com.adobe.xmp";

        /// <summary>Largest XMP packet inflated from a compressed iTXt chunk; real packets are a few kilobytes.</summary>
        private const int MaxXmpBytes = 4 * 1024 * 1024;

        public MediaFormat Format => MediaFormat.Png;

        /// <inheritdoc />
        public AigcMetadata? Read(byte[] file) => AigcLabelSites.Preferred(FindSites(file));

        /// <inheritdoc />
        public IReadOnlyList<AigcLabelSite> FindSites(byte[] file)
        {
            var sites = new List<AigcLabelSite>();
            foreach (var chunk in ReadChunks(file))
            {
                var text = TryReadText(file, chunk);
                if (text is null)
                {
                    continue;
                }

                var (keyword, bytes) = text.Value;
                if (keyword == XmpKeyword)
                {
                    sites.AddRange(XmpAigcPacket.FindSites(DecodeXmp(bytes, chunk), $"PNG {chunk.Type} {XmpKeyword}"));
                }
                else if (IsAigcKeyword(keyword))
                {
                    var annex = chunk.Type != "iTXt" && keyword == "AIGC";
                    sites.Add(new AigcLabelSite(
                        $"PNG {chunk.Type} keyword {keyword}",
                        annex ? AigcLabelPlacement.Annex : AigcLabelPlacement.NonStandard,
                        annex ? XmpAigcPacket.ImageGuide + " Annex B" : XmpAigcPacket.ImageGuide,
                        bytes));
                }
            }

            return sites;
        }

        /// <inheritdoc />
        [AigcLabeler]
        public byte[] Embed(byte[] file, AigcMetadata metadata)
        {
            var chunks = ReadChunks(file);
            var effective = AigcLabelSites.Effective(this, file, metadata);
            var json = effective.ToPayloadJson();
            var xmpChunk = chunks.FindIndex(c => TryReadText(file, c) is { } t && t.Keyword == XmpKeyword);
            using var output = new MemoryStream(file.Length + 1024);
            output.Write(Signature, 0, Signature.Length);
            for (var i = 0; i < chunks.Count; i++)
            {
                var chunk = chunks[i];
                var text = TryReadText(file, chunk);
                if (i == xmpChunk)
                {
                    var packet = XmpAigcPacket.Write(DecodeXmp(text!.Value.Text, chunk), json);
                    WriteChunk(output, "iTXt", BuildITxt(XmpKeyword, Encoding.UTF8.GetBytes(packet)));
                    continue;
                }

                if (text is { } aigc && IsAigcKeyword(aigc.Keyword))
                {
                    continue; // one label site per file: labels elsewhere are folded into the XMP one
                }

                output.Write(file, chunk.Start, chunk.TotalLength);
                if (chunk.Type == "IHDR" && xmpChunk < 0)
                {
                    WriteChunk(output, "iTXt", BuildITxt(XmpKeyword, Encoding.UTF8.GetBytes(XmpAigcPacket.Create(json))));
                }
            }

            return output.ToArray();
        }

        private static bool IsAigcKeyword(string keyword) => keyword.IndexOf("AIGC", StringComparison.OrdinalIgnoreCase) >= 0;

        private static string DecodeXmp(byte[] bytes, PngChunk chunk) =>
            XmpAigcPacket.Decode(bytes, 0, bytes.Length, $"PNG chunk {chunk.Type} at byte {chunk.Start}");

        internal static List<PngChunk> ReadChunks(byte[] file)
        {
            if (file is null)
            {
                throw new ArgumentNullException(nameof(file));
            }

            if (MediaFormatDetector.Detect(file) != MediaFormat.Png)
            {
                throw new AigcMetadataException("Not a PNG file: the 8-byte PNG signature is missing.");
            }

            var chunks = new List<PngChunk>();
            var offset = Signature.Length;
            while (true)
            {
                if (file.Length - offset < 12)
                {
                    throw new AigcMetadataException($"Truncated PNG: the file ends at byte {file.Length} inside a chunk header, before IEND.");
                }

                var length = BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(offset));
                var type = Encoding.ASCII.GetString(file, offset + 4, 4);
                if (length > int.MaxValue || length > (uint)(file.Length - offset - 12))
                {
                    throw new AigcMetadataException($"Truncated PNG: chunk {type} at byte {offset} declares {length} bytes, but only {file.Length - offset - 12} remain.");
                }

                var chunk = new PngChunk(type, offset, (int)length);
                var expected = BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(chunk.DataStart + chunk.Length));
                var actual = Crc32.Compute(file, offset + 4, chunk.Length + 4);
                if (expected != actual)
                {
                    throw new AigcMetadataException($"Corrupt PNG: chunk {type} at byte {offset} has CRC {expected:X8}, but its bytes give {actual:X8}.");
                }

                if (chunks.Count == 0 && type != "IHDR")
                {
                    throw new AigcMetadataException($"Corrupt PNG: the first chunk is {type}, not IHDR.");
                }

                chunks.Add(chunk);
                offset += chunk.TotalLength;
                if (type == "IEND")
                {
                    return chunks;
                }
            }
        }

        /// <summary>The keyword and text of a tEXt, zTXt or iTXt chunk whose keyword is AIGC-like or XMP; otherwise <c>null</c>.</summary>
        private static (string Keyword, byte[] Text)? TryReadText(byte[] file, PngChunk chunk)
        {
            if (chunk.Type is not ("tEXt" or "iTXt" or "zTXt"))
            {
                return null;
            }

            var data = new ArraySegment<byte>(file, chunk.DataStart, chunk.Length);
            var keywordEnd = Array.IndexOf(file, (byte)0, data.Offset, data.Count);
            if (keywordEnd < 0)
            {
                return null;
            }

            var keyword = Encoding.GetEncoding("ISO-8859-1").GetString(file, data.Offset, keywordEnd - data.Offset);
            var xmp = keyword == XmpKeyword && chunk.Type == "iTXt";
            if (!xmp && !IsAigcKeyword(keyword))
            {
                return null;
            }

            var limit = xmp ? MaxXmpBytes : AigcMetadata.MaxJsonBytes;
            var end = data.Offset + data.Count;
            var position = keywordEnd + 1;
            switch (chunk.Type)
            {
                case "tEXt":
                    return (keyword, Latin1OrUtf8(Slice(file, position, end)));
                case "zTXt":
                    return (keyword, Latin1OrUtf8(Inflate(Slice(file, position + 1, end), chunk, limit)));
                default:
                    if (end - position < 2)
                    {
                        throw new AigcMetadataException($"Corrupt PNG: the iTXt chunk at byte {chunk.Start} is too short.");
                    }

                    var compressed = file[position] == 1;
                    position += 2;
                    position = SkipNullTerminated(file, position, end, chunk); // language tag
                    position = SkipNullTerminated(file, position, end, chunk); // translated keyword
                    var text = Slice(file, position, end);
                    return (keyword, compressed ? Inflate(text, chunk, limit) : text);
            }
        }

        private static int SkipNullTerminated(byte[] file, int position, int end, PngChunk chunk)
        {
            var zero = Array.IndexOf(file, (byte)0, position, end - position);
            if (zero < 0)
            {
                throw new AigcMetadataException($"Corrupt PNG: the iTXt chunk at byte {chunk.Start} misses a terminator.");
            }

            return zero + 1;
        }

        private static byte[] Slice(byte[] file, int start, int end)
        {
            var result = new byte[Math.Max(0, end - start)];
            Buffer.BlockCopy(file, start, result, 0, result.Length);
            return result;
        }

        // tEXt is Latin-1 by the PNG spec, yet some producers put UTF-8 in it; JSON that is plain ASCII reads the same either way.
        private static byte[] Latin1OrUtf8(byte[] bytes)
        {
            try
            {
                new UTF8Encoding(false, true).GetString(bytes);
                return bytes;
            }
            catch (DecoderFallbackException)
            {
                return Encoding.UTF8.GetBytes(Encoding.GetEncoding("ISO-8859-1").GetString(bytes));
            }
        }

        private static byte[] Inflate(byte[] zlib, PngChunk chunk, int limit)
        {
            if (zlib.Length < 2)
            {
                throw new AigcMetadataException($"Corrupt PNG: the compressed text in chunk {chunk.Type} at byte {chunk.Start} is empty.");
            }

            try
            {
                using var input = new MemoryStream(zlib, 2, zlib.Length - 2);
                using var inflater = new DeflateStream(input, CompressionMode.Decompress);
                using var output = new MemoryStream();
                var buffer = new byte[4096];
                int read;
                while ((read = inflater.Read(buffer, 0, buffer.Length)) > 0)
                {
                    output.Write(buffer, 0, read);

                    // Stop a decompression bomb long before it costs memory.
                    if (output.Length > limit)
                    {
                        throw new AigcMetadataException($"The text in chunk {chunk.Type} at byte {chunk.Start} inflates to more than {limit} bytes.");
                    }
                }

                return output.ToArray();
            }
            catch (InvalidDataException ex)
            {
                throw new AigcMetadataException($"Corrupt PNG: the compressed text in chunk {chunk.Type} at byte {chunk.Start} does not inflate.", ex);
            }
        }

        private static byte[] BuildITxt(string keyword, byte[] text)
        {
            // keyword, NUL, compression flag 0, method 0, empty language tag NUL, empty translated keyword NUL, UTF-8 text.
            var data = new byte[keyword.Length + 5 + text.Length];
            Encoding.ASCII.GetBytes(keyword, 0, keyword.Length, data, 0);
            Buffer.BlockCopy(text, 0, data, keyword.Length + 5, text.Length);
            return data;
        }

        private static void WriteChunk(Stream output, string type, byte[] data)
        {
            var block = new byte[data.Length + 12];
            BinaryPrimitives.WriteUInt32BigEndian(block.AsSpan(0), (uint)data.Length);
            Encoding.ASCII.GetBytes(type, 0, 4, block, 4);
            Buffer.BlockCopy(data, 0, block, 8, data.Length);
            BinaryPrimitives.WriteUInt32BigEndian(block.AsSpan(8 + data.Length), Crc32.Compute(block, 4, data.Length + 4));
            output.Write(block, 0, block.Length);
        }

        internal readonly struct PngChunk
        {
            public PngChunk(string type, int start, int length)
            {
                Type = type;
                Start = start;
                Length = length;
            }

            public string Type { get; }

            public int Start { get; }

            public int Length { get; }

            public int DataStart => Start + 8;

            public int TotalLength => Length + 12;
        }
    }
}
