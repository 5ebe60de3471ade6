namespace DeepSynth.Compliance.Review
{
    /// <summary>The outcome of a review.</summary>
    public enum ReviewDecision
    {
        Allowed = 0,
        /// <summary>A person must look before the content may go on; nothing is transmitted meanwhile.</summary>
        NeedsManualReview = 1,
        /// <summary>Transmission stops and the verdict is recorded (DSP Art. 10).</summary>
        Blocked = 2,
    }
}
