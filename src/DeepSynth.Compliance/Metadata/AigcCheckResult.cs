namespace DeepSynth.Compliance.Metadata
{
    /// <summary>The outcome of one <see cref="AigcLabelCheck"/>, for the whole file or for one label site.</summary>
    public sealed class AigcCheckResult
    {
        internal AigcCheckResult(AigcLabelCheck check, bool passed, string? detail = null, AigcLabelSite? site = null)
        {
            Check = check;
            Passed = passed;
            Detail = detail;
            Site = site;
        }

        public AigcLabelCheck Check { get; }

        public bool Passed { get; }

        /// <summary>What was found wrong (English), or <c>null</c> for a pass.</summary>
        public string? Detail { get; }

        /// <summary>The label site the result is about, or <c>null</c> for a file-level check.</summary>
        public AigcLabelSite? Site { get; }

        public override string ToString() => $"{Check.Id} {(Passed ? "pass" : "FAIL")}{(Detail is null ? string.Empty : ": " + Detail)}";
    }
}
