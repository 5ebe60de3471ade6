using System;

namespace DeepSynth.Compliance.Review
{
    /// <summary>
    /// Thrown by <see cref="IContentReviewer.EnsureAllowedAsync"/> when content is blocked or held for manual review; the
    /// caller must not transmit it (DSP Art. 10). The verdict has already been recorded in the audit log.
    /// </summary>
    public sealed class ContentBlockedException : Exception
    {
        public ContentBlockedException(ReviewVerdict verdict)
            : base(verdict?.Decision == ReviewDecision.NeedsManualReview
                ? $"The {verdict.Stage.ToString().ToLowerInvariant()} content is held for manual review and must not be transmitted yet: {verdict}."
                : $"The {verdict?.Stage.ToString().ToLowerInvariant()} content was blocked by content review and must not be transmitted: {verdict}.")
        {
            Verdict = verdict ?? throw new ArgumentNullException(nameof(verdict));
        }

        public ReviewVerdict Verdict { get; }
    }
}
