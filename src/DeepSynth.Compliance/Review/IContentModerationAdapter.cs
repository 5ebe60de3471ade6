using System.Threading;
using System.Threading.Tasks;

namespace DeepSynth.Compliance.Review
{
    /// <summary>
    /// An external moderation service (a cloud content-security API, an in-house model). Register implementations in DI;
    /// the reviewer asks each after the feature library and takes the strictest verdict.
    /// </summary>
    public interface IContentModerationAdapter
    {
        /// <summary>A short name for findings and logs.</summary>
        string Name { get; }

        /// <summary>
        /// The service's verdict. Throw when the service fails: the reviewer then holds the content for manual review
        /// rather than letting it through unchecked.
        /// </summary>
        Task<ReviewVerdict> ModerateAsync(string content, ReviewStage stage, CancellationToken cancellationToken);
    }
}
