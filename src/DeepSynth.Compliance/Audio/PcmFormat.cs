using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Linq;
using DeepSynth.Compliance.Metadata;

namespace DeepSynth.Compliance.Audio
{
    /// <summary>The sample layout of a WAV file's <c>fmt </c> chunk: integer PCM (8-32 bit) or 32-bit float.</summary>
    internal sealed class PcmFormat
    {
        private PcmFormat(int channels, int sampleRate, int bitsPerSample, bool isFloat)
        {
            Channels = channels;
            SampleRate = sampleRate;
            BitsPerSample = bitsPerSample;
            IsFloat = isFloat;
        }

        public int Channels { get; }

        public int SampleRate { get; }

        public int BitsPerSample { get; }

        public bool IsFloat { get; }

        public int BlockAlign => Channels * (BitsPerSample / 8);

        /// <summary>The chunks, sample format and data chunk of a WAV file.</summary>
        public static (List<RiffChunks.RiffChunk> Chunks, PcmFormat Format, RiffChunks.RiffChunk Data) ReadWav(byte[] wav)
        {
            var chunks = RiffChunks.Read(wav);
            var fmt = chunks.FirstOrDefault(c => c.Id == "fmt ");
            var data = chunks.FirstOrDefault(c => c.Id == "data");
            if (fmt.Id is null || data.Id is null)
            {
                throw new AigcMetadataException("Corrupt WAV: the fmt or data chunk is missing.");
            }

            return (chunks, Parse(wav, fmt.DataStart, fmt.Size), data);
        }

        public static PcmFormat Parse(byte[] file, int offset, int size)
        {
            if (size < 16)
            {
                throw new AigcMetadataException("Corrupt WAV: the fmt chunk is shorter than 16 bytes.");
            }

            var span = file.AsSpan(offset, size);
            int tag = BinaryPrimitives.ReadUInt16LittleEndian(span);
            int channels = BinaryPrimitives.ReadUInt16LittleEndian(span.Slice(2));
            var sampleRate = BinaryPrimitives.ReadInt32LittleEndian(span.Slice(4));
            int bits = BinaryPrimitives.ReadUInt16LittleEndian(span.Slice(14));
            if (tag == 0xFFFE && size >= 26)
            {
                tag = BinaryPrimitives.ReadUInt16LittleEndian(span.Slice(24)); // WAVE_FORMAT_EXTENSIBLE sub-format
            }

            var isFloat = tag == 3;
            if (!(tag == 1 && bits is 8 or 16 or 24 or 32) && !(isFloat && bits == 32))
            {
                throw new AigcMetadataException($"Unsupported WAV encoding (format tag {tag}, {bits} bits): the audio label needs PCM (8/16/24/32-bit) or 32-bit float.");
            }

            if (channels < 1 || sampleRate < 1000)
            {
                throw new AigcMetadataException($"Corrupt WAV: {channels} channels at {sampleRate} Hz.");
            }

            return new PcmFormat(channels, sampleRate, bits, isFloat);
        }

        /// <summary>Writes a mono signal (-1..1) into every channel of this format.</summary>
        public byte[] Encode(float[] mono)
        {
            var bytesPerSample = BitsPerSample / 8;
            var output = new byte[mono.Length * BlockAlign];
            var position = 0;
            foreach (var raw in mono)
            {
                var sample = Math.Max(-1f, Math.Min(1f, raw));
                for (var channel = 0; channel < Channels; channel++)
                {
                    WriteSample(output.AsSpan(position, bytesPerSample), sample);
                    position += bytesPerSample;
                }
            }

            return output;
        }

        /// <summary>Reads the signal as mono (channels averaged), -1..1.</summary>
        public float[] DecodeMono(byte[] data, int offset, int count)
        {
            var bytesPerSample = BitsPerSample / 8;
            var frames = count / BlockAlign;
            var mono = new float[frames];
            for (var frame = 0; frame < frames; frame++)
            {
                float sum = 0;
                for (var channel = 0; channel < Channels; channel++)
                {
                    sum += ReadSample(data.AsSpan(offset + (frame * BlockAlign) + (channel * bytesPerSample), bytesPerSample));
                }

                mono[frame] = sum / Channels;
            }

            return mono;
        }

        private void WriteSample(Span<byte> target, float sample)
        {
            switch (BitsPerSample)
            {
                case 8:
                    target[0] = (byte)Math.Round((sample * 127) + 128);
                    break;
                case 16:
                    BinaryPrimitives.WriteInt16LittleEndian(target, (short)Math.Round(sample * short.MaxValue));
                    break;
                case 24:
                    var value = (int)Math.Round(sample * 8388607);
                    target[0] = (byte)value;
                    target[1] = (byte)(value >> 8);
                    target[2] = (byte)(value >> 16);
                    break;
                default:
                    if (IsFloat)
                    {
                        BinaryPrimitives.WriteInt32LittleEndian(target, SingleToInt32Bits(sample));
                    }
                    else
                    {
                        BinaryPrimitives.WriteInt32LittleEndian(target, (int)Math.Round(sample * (double)int.MaxValue));
                    }

                    break;
            }
        }

        private float ReadSample(ReadOnlySpan<byte> source) => BitsPerSample switch
        {
            8 => (source[0] - 128) / 128f,
            16 => BinaryPrimitives.ReadInt16LittleEndian(source) / 32768f,
            24 => ((source[2] << 24 | source[1] << 16 | source[0] << 8) >> 8) / 8388608f,
            _ => IsFloat ? Int32BitsToSingle(BinaryPrimitives.ReadInt32LittleEndian(source)) : (float)(BinaryPrimitives.ReadInt32LittleEndian(source) / 2147483648.0),
        };

        // netstandard2.0 has no BitConverter.SingleToInt32Bits; WAV floats are little-endian like every host .NET runs on.
        private static int SingleToInt32Bits(float value) => BitConverter.ToInt32(BitConverter.GetBytes(value), 0);

        private static float Int32BitsToSingle(int value) => BitConverter.ToSingle(BitConverter.GetBytes(value), 0);
    }
}
