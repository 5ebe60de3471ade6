using System.Threading;
using System.Threading.Tasks;

namespace DeepSynth.Compliance.Review
{
    /// <summary>
    /// An external moderation service for generated images, audio and video (a cloud content-security API). Register one
    /// or more in dependency injection; without any, media is held for manual review rather than let through.
    /// </summary>
    public interface IMediaModerationAdapter
    {
        /// <summary>A short name for logs and audit records, e.g. "aliyun-green".</summary>
        string Name { get; }

        /// <summary>Judges the media; <paramref name="mediaType"/> is its MIME type (image/png, audio/wav, ...).</summary>
        Task<ReviewVerdict> ModerateAsync(byte[] media, string mediaType, ReviewStage stage, CancellationToken cancellationToken);
    }
}
