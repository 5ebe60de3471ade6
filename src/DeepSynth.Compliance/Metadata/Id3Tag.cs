using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace DeepSynth.Compliance.Metadata
{
    /// <summary>An ID3v2.3/v2.4 tag at the start of an MP3, parsed into raw frames.</summary>
    internal sealed class Id3Tag
    {
        /// <summary>Padding a new or grown tag gets, so the next edit fits in place (ffmpeg and id3lib pad likewise).</summary>
        internal const int Padding = 1024;

        private Id3Tag(int majorVersion, List<Id3Frame> frames, int audioStart, int size)
        {
            Size = size;
            MajorVersion = majorVersion;
            Frames = frames;
            AudioStart = audioStart;
        }

        public int MajorVersion { get; }

        /// <summary>The tag's declared size (frames and padding, without the 10-byte header).</summary>
        public int Size { get; }

        public List<Id3Frame> Frames { get; }

        /// <summary>Where the audio (the first byte after the tag and its footer) starts.</summary>
        public int AudioStart { get; }

        /// <summary>The tag, or <c>null</c> for an MP3 without ID3v2.</summary>
        public static Id3Tag? Read(byte[] file)
        {
            if (file is null)
            {
                throw new ArgumentNullException(nameof(file));
            }

            if (MediaFormatDetector.Detect(file) != MediaFormat.Mp3)
            {
                throw new AigcMetadataException("Not an MP3 file: it starts with neither an ID3v2 tag nor an MPEG audio frame.");
            }

            if (MediaFormatDetector.Ascii(file, 0, 3) != "ID3")
            {
                return null;
            }

            if (file.Length < 10)
            {
                throw new AigcMetadataException("Truncated MP3: the ID3v2 header is shorter than 10 bytes.");
            }

            var version = file[3];
            if (version is not (3 or 4))
            {
                throw new AigcMetadataException($"ID3v2.{version} tags are not supported; convert the tag to ID3v2.3 or v2.4 first.");
            }

            var flags = file[5];
            var size = ReadSynchsafe(file, 6);
            var footer = version == 4 && (flags & 0x10) != 0 ? 10 : 0;
            if (10L + size + footer > file.Length)
            {
                throw new AigcMetadataException($"Truncated MP3: the ID3v2 tag declares {size} bytes, but only {file.Length - 10} follow its header.");
            }

            var body = new byte[size];
            Buffer.BlockCopy(file, 10, body, 0, size);
            if ((flags & 0x80) != 0 && version == 3)
            {
                body = RemoveUnsynchronisation(body);
            }

            var offset = 0;
            if ((flags & 0x40) != 0)
            {
                offset = version == 3 ? 4 + ReadUInt32(body, 0) : ReadSynchsafe(body, 0);
                if (offset < 0 || offset > body.Length)
                {
                    throw new AigcMetadataException("Corrupt MP3: the ID3v2 extended header is larger than the tag.");
                }
            }

            var frames = new List<Id3Frame>();
            while (offset + 10 <= body.Length && body[offset] != 0)
            {
                var id = Encoding.ASCII.GetString(body, offset, 4);
                var frameSize = version == 4 ? ReadSynchsafe(body, offset + 4) : ReadUInt32(body, offset + 4);
                var frameFlags = (body[offset + 8] << 8) | body[offset + 9];
                if (frameSize < 0 || offset + 10L + frameSize > body.Length)
                {
                    throw new AigcMetadataException($"Truncated MP3: ID3 frame {id} declares {frameSize} bytes, more than its tag holds.");
                }

                var data = new byte[frameSize];
                Buffer.BlockCopy(body, offset + 10, data, 0, frameSize);
                frames.Add(new Id3Frame(id, data, frameFlags));
                offset += 10 + frameSize;
            }

            return new Id3Tag(version, frames, 10 + size + footer, size);
        }

        /// <summary>
        /// A new file: a fresh tag of <paramref name="version"/> holding <paramref name="frames"/> and zero padding, then the
        /// audio. When the frames fit in <paramref name="oldSize"/> the tag keeps that size, so the audio does not move.
        /// </summary>
        public static byte[] Write(int version, List<Id3Frame> frames, byte[] file, int audioStart, int? oldSize = null)
        {
            using var body = new MemoryStream();
            foreach (var frame in frames)
            {
                var header = new byte[10];
                Encoding.ASCII.GetBytes(frame.Id, 0, 4, header, 0);
                if (version == 4)
                {
                    WriteSynchsafe(header, 4, frame.Data.Length);
                }
                else
                {
                    header[4] = (byte)(frame.Data.Length >> 24);
                    header[5] = (byte)(frame.Data.Length >> 16);
                    header[6] = (byte)(frame.Data.Length >> 8);
                    header[7] = (byte)frame.Data.Length;
                }

                header[8] = (byte)(frame.Flags >> 8);
                header[9] = (byte)frame.Flags;
                body.Write(header, 0, header.Length);
                body.Write(frame.Data, 0, frame.Data.Length);
            }

            var size = oldSize is { } old && old >= body.Length + 10 ? old : (int)body.Length + Padding;
            using var output = new MemoryStream(size + file.Length - audioStart + 10);
            var tagHeader = new byte[] { (byte)'I', (byte)'D', (byte)'3', (byte)version, 0, 0, 0, 0, 0, 0 };
            WriteSynchsafe(tagHeader, 6, size);
            output.Write(tagHeader, 0, tagHeader.Length);
            body.Position = 0;
            body.CopyTo(output);
            output.Write(new byte[size - body.Length], 0, size - (int)body.Length);
            output.Write(file, audioStart, file.Length - audioStart);
            return output.ToArray();
        }

        private static int ReadSynchsafe(byte[] data, int offset)
        {
            if (offset + 4 > data.Length)
            {
                return -1;
            }

            return (data[offset] & 0x7F) << 21 | (data[offset + 1] & 0x7F) << 14 | (data[offset + 2] & 0x7F) << 7 | (data[offset + 3] & 0x7F);
        }

        private static int ReadUInt32(byte[] data, int offset)
        {
            if (offset + 4 > data.Length)
            {
                return -1;
            }

            var value = (uint)(data[offset] << 24 | data[offset + 1] << 16 | data[offset + 2] << 8 | data[offset + 3]);
            return value > int.MaxValue ? -1 : (int)value;
        }

        private static void WriteSynchsafe(byte[] target, int offset, int value)
        {
            if (value >= 1 << 28)
            {
                throw new AigcMetadataException("The ID3v2 tag would exceed 256 MB.");
            }

            target[offset] = (byte)((value >> 21) & 0x7F);
            target[offset + 1] = (byte)((value >> 14) & 0x7F);
            target[offset + 2] = (byte)((value >> 7) & 0x7F);
            target[offset + 3] = (byte)(value & 0x7F);
        }

        // ID3v2.3 unsynchronisation inserts 0x00 after every 0xFF; the tag is written back without it.
        private static byte[] RemoveUnsynchronisation(byte[] data)
        {
            using var output = new MemoryStream(data.Length);
            for (var i = 0; i < data.Length; i++)
            {
                output.WriteByte(data[i]);
                if (data[i] == 0xFF && i + 1 < data.Length && data[i + 1] == 0)
                {
                    i++;
                }
            }

            return output.ToArray();
        }
    }

    /// <summary>One raw ID3v2 frame; data and flags are kept as read, so unknown frames survive a rewrite.</summary>
    internal sealed class Id3Frame
    {
        public Id3Frame(string id, byte[] data, int flags)
        {
            Id = id;
            Data = data;
            Flags = flags;
        }

        public string Id { get; }

        public byte[] Data { get; }

        public int Flags { get; }
    }
}
