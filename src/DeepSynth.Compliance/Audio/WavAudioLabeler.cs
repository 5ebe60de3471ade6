using System;
using System.Buffers.Binary;
using System.IO;
using System.Linq;
using System.Threading;
using DeepSynth.Compliance.Labeling;
using DeepSynth.Compliance.Metadata;

namespace DeepSynth.Compliance.Audio
{
    /// <summary>Puts the rhythm cue or a voice clip into WAV audio. Stateless after construction and thread-safe.</summary>
    public sealed class WavAudioLabeler : IAudioLabeler
    {
        private readonly AudioLabelOptions _options;
        private readonly VoiceClip? _voice;

        public WavAudioLabeler()
            : this(new AudioLabelOptions())
        {
        }

        /// <exception cref="ComplianceConfigurationException">The options are invalid or the voice clip is not a readable WAV.</exception>
        public WavAudioLabeler(AudioLabelOptions options)
        {
            _options = options ?? throw new ArgumentNullException(nameof(options));
            ComplianceConfigurationException.ThrowIfAny(options.Validate());
            if (options.VoiceClipPath is not null)
            {
                try
                {
                    _voice = VoiceClip.Read(File.ReadAllBytes(options.VoiceClipPath));
                }
                catch (AigcMetadataException ex)
                {
                    throw new ComplianceConfigurationException(new[] { $"Audio:VoiceClipPath '{options.VoiceClipPath}' is not usable: {ex.Message}" });
                }
            }
        }

        /// <inheritdoc />
        [AigcLabeler]
        public byte[] LabelWav(byte[] wav, CancellationToken cancellationToken = default)
        {
            var (chunks, format, data) = PcmFormat.ReadWav(wav);
            if (data.Size % format.BlockAlign != 0)
            {
                throw new AigcMetadataException($"Corrupt WAV: the data chunk ({data.Size} bytes) is not a whole number of {format.BlockAlign}-byte frames.");
            }

            cancellationToken.ThrowIfCancellationRequested();
            var cue = format.Encode(_voice?.Resample(format.SampleRate) ?? RhythmCue.Generate(format.SampleRate, _options));
            var gap = new byte[(int)Math.Round(format.SampleRate * _options.GapMilliseconds / 1000.0) * format.BlockAlign];
            if (format.BitsPerSample == 8)
            {
                gap.AsSpan().Fill(128); // 8-bit PCM is unsigned: silence is the midpoint
            }

            var start = (_options.Position & LabelPosition.Start) != 0;
            var end = (_options.Position & LabelPosition.End) != 0;
            using var samples = new MemoryStream(data.Size + (2 * (cue.Length + gap.Length)));
            if (start)
            {
                samples.Write(cue, 0, cue.Length);
                samples.Write(gap, 0, gap.Length);
            }

            samples.Write(wav, data.DataStart, data.Size);
            if (end)
            {
                samples.Write(gap, 0, gap.Length);
                samples.Write(cue, 0, cue.Length);
            }

            var newData = RiffChunks.Build("data", samples.ToArray());
            var frames = (uint)((newData.Length - 8 - (newData.Length & 1)) / format.BlockAlign);
            return RiffChunks.Rebuild(wav, chunks, _ => null, chunk => chunk.Id switch
            {
                "data" => newData,
                "fact" when chunk.Size >= 4 => WithSampleLength(wav, chunk, frames),
                _ => null,
            });
        }

        private static byte[] WithSampleLength(byte[] wav, RiffChunks.RiffChunk fact, uint frames)
        {
            var copy = new byte[fact.TotalLength];
            Buffer.BlockCopy(wav, fact.Start, copy, 0, copy.Length);
            BinaryPrimitives.WriteUInt32LittleEndian(copy.AsSpan(8), frames);
            return copy;
        }

        /// <summary>A spoken label, kept as mono samples at its own rate.</summary>
        private sealed class VoiceClip
        {
            private readonly float[] _samples;
            private readonly int _sampleRate;

            private VoiceClip(float[] samples, int sampleRate)
            {
                _samples = samples;
                _sampleRate = sampleRate;
            }

            public static VoiceClip Read(byte[] wav)
            {
                var (_, format, data) = PcmFormat.ReadWav(wav);
                return new VoiceClip(format.DecodeMono(wav, data.DataStart, data.Size), format.SampleRate);
            }

            /// <summary>Linear interpolation is enough for speech that only has to be understood.</summary>
            public float[] Resample(int sampleRate)
            {
                if (sampleRate == _sampleRate)
                {
                    return _samples;
                }

                var length = (int)((long)_samples.Length * sampleRate / _sampleRate);
                var result = new float[length];
                for (var i = 0; i < length; i++)
                {
                    var source = (double)i * _sampleRate / sampleRate;
                    var index = (int)source;
                    var next = Math.Min(index + 1, _samples.Length - 1);
                    var fraction = (float)(source - index);
                    result[i] = (_samples[index] * (1 - fraction)) + (_samples[next] * fraction);
                }

                return result;
            }
        }
    }
}
