using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace DeepSynth.Compliance.Review
{
    /// <summary>
    /// Reviews users' input before generation and generated output before publishing (DSP Art. 10, GAIM Art. 14). Every
    /// verdict that is not "allowed" is recorded in the audit log before the call returns.
    /// </summary>
    public interface IContentReviewer
    {
        /// <summary>The verdict on <paramref name="content"/>. The caller must act on it: only Allowed content may go on.</summary>
        [ContentReviewer]
        Task<ReviewVerdict> ReviewAsync(string content, ReviewStage stage, CancellationToken cancellationToken = default);

        /// <summary>Returns <paramref name="content"/> when it is allowed.</summary>
        /// <exception cref="ContentBlockedException">The content is blocked or needs manual review.</exception>
        [ContentReviewer]
        Task<string> EnsureAllowedAsync(string content, ReviewStage stage, CancellationToken cancellationToken = default);

        /// <summary>
        /// Reviews generated media (image, audio, video) with the registered <see cref="IMediaModerationAdapter"/>s; with none,
        /// the verdict is <see cref="ReviewDecision.NeedsManualReview"/>. Every verdict is recorded like a text review.
        /// </summary>
        [ContentReviewer]
        Task<ReviewVerdict> ReviewMediaAsync(byte[] media, string mediaType, ReviewStage stage, CancellationToken cancellationToken = default);

        /// <summary>
        /// Reviews streamed text as it arrives: tokens are held until a sentence ends (or enough text has gathered), the
        /// sentence is reviewed, and only allowed sentences are passed on; a blocked sentence ends the stream with
        /// <see cref="ContentBlockedException"/>, so blocked text never reaches the reader.
        /// </summary>
        [ContentReviewer]
        IAsyncEnumerable<string> ReviewStream(IAsyncEnumerable<string> tokens, ReviewStage stage, CancellationToken cancellationToken = default);

        /// <summary>Reviews media and returns it when allowed; throws <see cref="ContentBlockedException"/> otherwise.</summary>
        [ContentReviewer]
        Task<byte[]> EnsureMediaAllowedAsync(byte[] media, string mediaType, ReviewStage stage, CancellationToken cancellationToken = default);
    }
}
