namespace DeepSynth.Compliance.Metadata
{
    /// <summary>What a processing step (re-encode, resize, upload pipeline) did to a file's implicit label.</summary>
    public enum AigcLabelChange
    {
        /// <summary>The same label, at a standard site.</summary>
        Kept = 0,

        /// <summary>Only the propagator fields changed: a platform recorded itself (LM Art. 6).</summary>
        Propagated,

        /// <summary>The input carried no label; nothing could be lost (a label may have been added).</summary>
        NoneBefore,

        /// <summary>The label is gone (DSP Art. 18, LM Art. 10: no deleting labels).</summary>
        Lost,

        /// <summary>A producer field or the Label value changed (tampering, DSP Art. 18).</summary>
        Changed,

        /// <summary>The output carries more labels than the input (GB 45438 §6.1 c): one label).</summary>
        Duplicated,

        /// <summary>The label moved to a non-standard site (CAC 2025-11 notice).</summary>
        Misplaced,

        /// <summary>The output could not be read or is not identified, so nothing can be said.</summary>
        Inconclusive,
    }
}
