using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace DeepSynth.Compliance.Metadata
{
    /// <summary>The chunks of a RIFF file (WAVE, WEBP), checked against the file's real length.</summary>
    internal static class RiffChunks
    {
        public static List<RiffChunk> Read(byte[] file) => Read(file, "WAVE", "WAV");

        /// <param name="file">The file.</param>
        /// <param name="formType">The RIFF form type expected at byte 8.</param>
        /// <param name="formatName">The format's name for error messages.</param>
        public static List<RiffChunk> Read(byte[] file, string formType, string formatName)
        {
            if (file is null)
            {
                throw new ArgumentNullException(nameof(file));
            }

            if (MediaFormatDetector.Ascii(file, 0, 4) != "RIFF" || MediaFormatDetector.Ascii(file, 8, 4) != formType)
            {
                throw new AigcMetadataException($"Not a {formatName} file: it does not start with RIFF....{formType}.");
            }

            var declaredEnd = 8L + BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(4));
            if (declaredEnd > file.Length)
            {
                throw new AigcMetadataException($"Truncated {formatName}: the RIFF header declares {declaredEnd} bytes, but the file has {file.Length}.");
            }

            var chunks = new List<RiffChunk>();
            var offset = 12;
            while (offset < declaredEnd)
            {
                if (declaredEnd - offset < 8)
                {
                    throw new AigcMetadataException($"Corrupt {formatName}: {declaredEnd - offset} stray bytes at byte {offset}, too few for a chunk header.");
                }

                var id = Encoding.ASCII.GetString(file, offset, 4);
                var size = BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(offset + 4));
                if (offset + 8L + size > declaredEnd)
                {
                    throw new AigcMetadataException($"Truncated {formatName}: chunk '{id}' at byte {offset} declares {size} bytes, but only {declaredEnd - offset - 8} remain.");
                }

                var padded = (int)Math.Min(size + (size & 1), declaredEnd - offset - 8);
                chunks.Add(new RiffChunk(id, offset, (int)size, padded + 8));
                offset += padded + 8;
            }

            return chunks;
        }

        /// <summary>
        /// A new RIFF file from <paramref name="keep"/>: <paramref name="insertBefore"/> may add bytes before a chunk,
        /// <paramref name="replace"/> may give a chunk new bytes; the RIFF size is recomputed.
        /// </summary>
        public static byte[] Rebuild(byte[] file, IEnumerable<RiffChunk> keep, Func<RiffChunk, byte[]?> insertBefore, Func<RiffChunk, byte[]?>? replace = null)
        {
            using var output = new MemoryStream(file.Length + 1024);
            output.Write(file, 0, 12);
            foreach (var chunk in keep)
            {
                var extra = insertBefore(chunk);
                if (extra is not null)
                {
                    output.Write(extra, 0, extra.Length);
                }

                var replacement = replace?.Invoke(chunk);
                if (replacement is not null)
                {
                    output.Write(replacement, 0, replacement.Length);
                    continue;
                }

                output.Write(file, chunk.Start, chunk.TotalLength);
                if ((chunk.Size & 1) == 1 && chunk.TotalLength == chunk.Size + 8)
                {
                    output.WriteByte(0); // a writer that forgot the pad byte; RIFF needs it
                }
            }

            var bytes = output.ToArray();
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(4), (uint)(bytes.Length - 8));
            return bytes;
        }

        public static byte[] Build(string id, byte[] data)
        {
            var chunk = new byte[8 + data.Length + (data.Length & 1)];
            Encoding.ASCII.GetBytes(id, 0, 4, chunk, 0);
            BinaryPrimitives.WriteUInt32LittleEndian(chunk.AsSpan(4), (uint)data.Length);
            Buffer.BlockCopy(data, 0, chunk, 8, data.Length);
            return chunk;
        }

        internal readonly struct RiffChunk
        {
            public RiffChunk(string id, int start, int size, int totalLength)
            {
                Id = id;
                Start = start;
                Size = size;
                TotalLength = totalLength;
            }

            public string Id { get; }

            public int Start { get; }

            public int Size { get; }

            public int DataStart => Start + 8;

            public int TotalLength { get; }
        }
    }
}
