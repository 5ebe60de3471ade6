using System;

namespace DeepSynth.Compliance.Audio
{
    /// <summary>
    /// The rhythm label of GB 45438 §6.3: "short-long-short-short", Morse code for "AI" (·− ··), as a tone.
    /// </summary>
    public static class RhythmCue
    {
        /// <summary>Beat lengths in units: dot, dash, dot, dot.</summary>
        internal static readonly int[] Beats = { 1, 3, 1, 1 };

        /// <summary>Gap after each beat in units: inside a letter 1, between "A" and "I" 3.</summary>
        internal static readonly int[] Gaps = { 1, 3, 1, 0 };

        /// <summary>The cue as mono samples between -1 and 1 at <paramref name="sampleRate"/>.</summary>
        public static float[] Generate(int sampleRate, AudioLabelOptions? options = null)
        {
            options ??= new AudioLabelOptions();
            if (sampleRate < 1000)
            {
                throw new ArgumentOutOfRangeException(nameof(sampleRate), sampleRate, "The sample rate must be at least 1000 Hz.");
            }

            var unit = (int)Math.Round(sampleRate * options.UnitMilliseconds / 1000.0);
            var total = 0;
            for (var i = 0; i < Beats.Length; i++)
            {
                total += (Beats[i] + Gaps[i]) * unit;
            }

            var samples = new float[total];
            var position = 0;
            var ramp = Math.Max(1, sampleRate / 200); // 5 ms fades keep the beats free of clicks
            for (var i = 0; i < Beats.Length; i++)
            {
                var length = Beats[i] * unit;
                for (var n = 0; n < length; n++)
                {
                    var envelope = Math.Min(1.0, Math.Min(n, length - 1 - n) / (double)ramp);
                    samples[position + n] = (float)(options.Amplitude * envelope * Math.Sin(2 * Math.PI * options.ToneFrequencyHz * n / sampleRate));
                }

                position += length + (Gaps[i] * unit);
            }

            return samples;
        }
    }
}
