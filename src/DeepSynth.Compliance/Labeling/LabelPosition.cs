using System;

namespace DeepSynth.Compliance.Labeling
{
    /// <summary>Where an explicit label goes in text (GB 45438 §6) or audio (§6.3): start, end, or both.</summary>
    [Flags]
    public enum LabelPosition
    {
        /// <summary>Before the content. Survives a stream that is cut short, so it is the default.</summary>
        Start = 1,
        /// <summary>After the content.</summary>
        End = 2,
        /// <summary>Before and after the content.</summary>
        Both = Start | End,
    }
}
