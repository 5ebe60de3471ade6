using System;
using System.Threading;
using System.Threading.Tasks;

namespace DeepSynth.Compliance.Review
{
    /// <summary>Reviews of input that is more than one text: a list of texts, or a request object.</summary>
    public static class ContentReviewerExtensions
    {
        /// <summary>
        /// Reviews every text <paramref name="value"/> holds, in order, and returns when all are allowed: a string; each
        /// string of a collection; the public string, text-collection and nested-object properties of an object, to a
        /// depth of <see cref="TextMembers.MaxDepth"/>. Nothing is skipped silently: an object nested deeper than that, or
        /// a property whose getter throws, fails the review.
        /// </summary>
        /// <exception cref="ContentBlockedException">A text is blocked or needs manual review.</exception>
        /// <exception cref="ContentReviewIncompleteException">Part of <paramref name="value"/> could not be read.</exception>
        [ContentReviewer]
        public static async Task EnsureAllTextAllowedAsync(this IContentReviewer reviewer, object? value, ReviewStage stage, CancellationToken cancellationToken = default)
        {
            if (reviewer is null)
            {
                throw new ArgumentNullException(nameof(reviewer));
            }

            foreach (var text in TextMembers.Of(value))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (text.Length > 0)
                {
                    await reviewer.EnsureAllowedAsync(text, stage, cancellationToken).ConfigureAwait(false);
                }
            }
        }
    }
}
