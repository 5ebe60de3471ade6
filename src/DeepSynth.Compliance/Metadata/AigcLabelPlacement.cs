namespace DeepSynth.Compliance.Metadata
{
    /// <summary>How a label site relates to the TC260 practice guide for its format.</summary>
    public enum AigcLabelPlacement
    {
        /// <summary>The placement the guide's main text names for the format (the SDK writes here).</summary>
        Standard = 0,

        /// <summary>An alternative the guide lists in an annex (for example PNG <c>tEXt</c> per TC260-PG-20259A Annex B).</summary>
        Annex,

        /// <summary>
        /// Where other producers put labels but no guide does (an XMP attribute instead of the element, a RIFF chunk
        /// in a WebP, ...). Read so a platform sees the label; CAC's 2025-11 notice counts it as placed non-standardly.
        /// </summary>
        NonStandard,
    }
}
