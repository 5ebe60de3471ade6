using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Text;

namespace DeepSynth.Compliance.Metadata
{
    /// <summary>
    /// AIGC metadata in PNG text chunks. Writes one uncompressed <c>iTXt</c> chunk with keyword <c>AIGC</c> right
    /// after IHDR; reads <c>iTXt</c>, <c>tEXt</c> and <c>zTXt</c> whose keyword contains "AIGC", as other producers write them.
    /// Every chunk's CRC is checked, so a damaged file is reported instead of being relabeled.
    /// </summary>
    public sealed class PngAigcCarrier : IAigcMetadataCarrier
    {
        internal static readonly byte[] Signature = { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A };

        public MediaFormat Format => MediaFormat.Png;

        /// <inheritdoc />
        public AigcMetadata? Read(byte[] file)
        {
            foreach (var chunk in ReadChunks(file))
            {
                var text = TryReadAigcText(file, chunk);
                if (text is not null)
                {
                    return AigcMetadata.Parse(text);
                }
            }

            return null;
        }

        /// <inheritdoc />
        [AigcLabeler]
        public byte[] Embed(byte[] file, AigcMetadata metadata)
        {
            if (metadata is null)
            {
                throw new ArgumentNullException(nameof(metadata));
            }

            var chunks = ReadChunks(file);
            var effective = AigcMetadata.Relabel(Read(file), metadata);
            using var output = new MemoryStream(file.Length + 512);
            output.Write(Signature, 0, Signature.Length);
            foreach (var chunk in chunks)
            {
                if (TryReadAigcText(file, chunk) is not null)
                {
                    continue;
                }

                output.Write(file, chunk.Start, chunk.TotalLength);
                if (chunk.Type == "IHDR")
                {
                    WriteChunk(output, "iTXt", BuildITxt(effective.ToUtf8Json()));
                }
            }

            return output.ToArray();
        }

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

        private static byte[]? TryReadAigcText(byte[] file, PngChunk chunk)
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
            if (keyword.IndexOf("AIGC", StringComparison.OrdinalIgnoreCase) < 0)
            {
                return null;
            }

            var end = data.Offset + data.Count;
            var position = keywordEnd + 1;
            switch (chunk.Type)
            {
                case "tEXt":
                    return Latin1OrUtf8(Slice(file, position, end));
                case "zTXt":
                    return Latin1OrUtf8(Inflate(Slice(file, position + 1, end), chunk));
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
                    return compressed ? Inflate(text, chunk) : text;
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

        private static byte[] Inflate(byte[] zlib, PngChunk chunk)
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
                    if (output.Length > AigcMetadata.MaxJsonBytes)
                    {
                        throw new AigcMetadataException($"AIGC metadata in chunk {chunk.Type} at byte {chunk.Start} inflates to more than {AigcMetadata.MaxJsonBytes} bytes.");
                    }
                }

                return output.ToArray();
            }
            catch (InvalidDataException ex)
            {
                throw new AigcMetadataException($"Corrupt PNG: the compressed text in chunk {chunk.Type} at byte {chunk.Start} does not inflate.", ex);
            }
        }

        private static byte[] BuildITxt(byte[] json)
        {
            // keyword, NUL, compression flag 0, method 0, empty language tag NUL, empty translated keyword NUL, UTF-8 text.
            var data = new byte[4 + 5 + json.Length];
            Encoding.ASCII.GetBytes("AIGC", 0, 4, data, 0);
            Buffer.BlockCopy(json, 0, data, 9, json.Length);
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
