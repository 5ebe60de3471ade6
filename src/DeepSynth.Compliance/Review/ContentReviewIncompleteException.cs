using System;

namespace DeepSynth.Compliance.Review
{
    /// <summary>
    /// Thrown when part of an input could not be read for review (see
    /// <see cref="ContentReviewerExtensions.EnsureAllTextAllowedAsync"/>): the review fails closed, so the input must not
    /// go on to generation.
    /// </summary>
    public sealed class ContentReviewIncompleteException : Exception
    {
        public ContentReviewIncompleteException(string message)
            : base(message)
        {
        }
    }
}
