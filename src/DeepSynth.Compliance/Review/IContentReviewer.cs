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
    }
}
