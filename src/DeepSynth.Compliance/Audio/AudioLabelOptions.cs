using System.Collections.Generic;
using DeepSynth.Compliance.Labeling;

namespace DeepSynth.Compliance.Audio
{
    /// <summary>How the explicit audio label (GB 45438 §6.3) sounds and where it goes.</summary>
    public sealed class AudioLabelOptions
    {
        /// <summary>Start, end or both. Default <see cref="LabelPosition.Start"/>.</summary>
        public LabelPosition Position { get; set; } = LabelPosition.Start;

        /// <summary>Pitch of the rhythm cue. Default 1000 Hz, clear on phone speakers.</summary>
        public double ToneFrequencyHz { get; set; } = 1000;

        /// <summary>Length of a short beat; a long beat is three, gaps are one (Morse timing). Default 120 ms.</summary>
        public int UnitMilliseconds { get; set; } = 120;

        /// <summary>Peak level of the cue, 0-1. Default 0.5 (about -6 dBFS).</summary>
        public double Amplitude { get; set; } = 0.5;

        /// <summary>Silence between the cue and the content. Default 250 ms.</summary>
        public int GapMilliseconds { get; set; } = 250;

        /// <summary>
        /// A WAV file with a spoken label (for example "本内容由AI生成") to use instead of the rhythm cue. It is converted
        /// to the content's sample rate and channels. The spoken text must contain both label elements.
        /// </summary>
        public string? VoiceClipPath { get; set; }

        internal IEnumerable<string> Validate()
        {
            if (Position is not (LabelPosition.Start or LabelPosition.End or LabelPosition.Both))
            {
                yield return $"Audio:Position {Position} is not Start, End or Both.";
            }

            if (ToneFrequencyHz is < 200 or > 4000)
            {
                yield return $"Audio:ToneFrequencyHz {ToneFrequencyHz} must be between 200 and 4000 Hz to be heard on common speakers.";
            }

            if (UnitMilliseconds is < 40 or > 500)
            {
                yield return $"Audio:UnitMilliseconds {UnitMilliseconds} must be between 40 and 500 so the short-long rhythm stays recognisable.";
            }

            if (Amplitude is <= 0.05 or > 1)
            {
                yield return $"Audio:Amplitude {Amplitude} must be above 0.05 (audible) and at most 1.";
            }

            if (GapMilliseconds is < 0 or > 5000)
            {
                yield return $"Audio:GapMilliseconds {GapMilliseconds} must be between 0 and 5000.";
            }

            if (VoiceClipPath is not null && !System.IO.File.Exists(VoiceClipPath))
            {
                yield return $"Audio:VoiceClipPath '{VoiceClipPath}' does not exist.";
            }
        }
    }
}
