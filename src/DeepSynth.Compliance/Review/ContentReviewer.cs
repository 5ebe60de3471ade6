using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DeepSynth.Compliance.Audit;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DeepSynth.Compliance.Review
{
    /// <summary>
    /// Reviews with the feature library, then each external moderation adapter; the strictest verdict wins and is
    /// recorded in the audit log before the caller sees it. Thread-safe.
    /// </summary>
    public sealed class ContentReviewer : IContentReviewer
    {
        private readonly FeatureLibraryReviewer? _library;
        private readonly IReadOnlyList<IContentModerationAdapter> _adapters;
        private readonly IReadOnlyList<IMediaModerationAdapter> _mediaAdapters;
        private readonly ISynthesisAuditLog _audit;
        private readonly bool _recordAllowed;
        private readonly TimeSpan _adapterTimeout;
        private readonly ILogger _logger;

        /// <exception cref="ComplianceConfigurationException">Neither a feature library nor an adapter is given: nothing would review.</exception>
        public ContentReviewer(
            FeatureLibraryReviewer? library,
            IEnumerable<IContentModerationAdapter>? adapters,
            ISynthesisAuditLog audit,
            bool recordAllowedVerdicts = true,
            TimeSpan? adapterTimeout = null,
            ILogger<ContentReviewer>? logger = null,
            IEnumerable<IMediaModerationAdapter>? mediaAdapters = null)
        {
            _library = library;
            _adapters = (adapters ?? Enumerable.Empty<IContentModerationAdapter>()).ToArray();
            _mediaAdapters = (mediaAdapters ?? Enumerable.Empty<IMediaModerationAdapter>()).ToArray();
            _audit = audit ?? throw new ArgumentNullException(nameof(audit));
            _recordAllowed = recordAllowedVerdicts;
            _adapterTimeout = adapterTimeout ?? TimeSpan.FromSeconds(10);
            _logger = (ILogger?)logger ?? NullLogger.Instance;
            if (_library is null && _adapters.Count == 0)
            {
                throw new ComplianceConfigurationException(new[] { "Review needs a feature library (Review:FeatureLibraryPath) or an IContentModerationAdapter; otherwise nothing is reviewed." });
            }
        }

        /// <inheritdoc />
        [ContentReviewer]
        public async Task<ReviewVerdict> ReviewAsync(string content, ReviewStage stage, CancellationToken cancellationToken = default)
        {
            if (content is null)
            {
                throw new ArgumentNullException(nameof(content));
            }

            var verdicts = new List<ReviewVerdict>();
            if (_library is not null)
            {
                verdicts.Add(_library.Review(content, stage));
            }

            foreach (var adapter in _adapters)
            {
                if (verdicts.Any(v => v.Decision == ReviewDecision.Blocked))
                {
                    break; // already blocked: no need to send the content to another service
                }

                verdicts.Add(await ModerateAsync(adapter, content, stage, cancellationToken).ConfigureAwait(false));
            }

            var verdict = ReviewVerdict.Combine(stage, verdicts);
            if (!verdict.IsAllowed)
            {
                _logger.LogWarning("Content review at {Stage}: {Verdict}", stage, verdict);
            }

            if (!verdict.IsAllowed || _recordAllowed)
            {
                // Recorded before the caller can act, so a blocked verdict is on file even if the caller ignores it.
                await _audit.RecordReviewAsync(content, verdict, null, CancellationToken.None).ConfigureAwait(false);
            }

            return verdict;
        }

        /// <inheritdoc />
        [ContentReviewer]
        public async Task<string> EnsureAllowedAsync(string content, ReviewStage stage, CancellationToken cancellationToken = default)
        {
            var verdict = await ReviewAsync(content, stage, cancellationToken).ConfigureAwait(false);
            return verdict.IsAllowed ? content : throw new ContentBlockedException(verdict);
        }

        /// <inheritdoc />
        [ContentReviewer]
        public async Task<ReviewVerdict> ReviewMediaAsync(byte[] media, string mediaType, ReviewStage stage, CancellationToken cancellationToken = default)
        {
            if (media is null)
            {
                throw new ArgumentNullException(nameof(media));
            }

            if (string.IsNullOrWhiteSpace(mediaType))
            {
                throw new ArgumentException("The media type (for example image/png) is required.", nameof(mediaType));
            }

            var verdicts = new List<ReviewVerdict>();
            if (_mediaAdapters.Count == 0)
            {
                // Text rules cannot judge pixels or sound: without a media moderation service a person decides.
                verdicts.Add(new ReviewVerdict(stage, new[] { new ReviewFinding("no-media-moderation", "unreviewed-media", ReviewDecision.NeedsManualReview, "DeepSynth") }));
            }

            foreach (var adapter in _mediaAdapters)
            {
                if (verdicts.Any(v => v.Decision == ReviewDecision.Blocked))
                {
                    break;
                }

                verdicts.Add(await ModerateAsync(adapter.Name, token => adapter.ModerateAsync(media, mediaType, stage, token), stage, cancellationToken).ConfigureAwait(false));
            }

            var verdict = ReviewVerdict.Combine(stage, verdicts);
            if (!verdict.IsAllowed)
            {
                _logger.LogWarning("Media review ({MediaType}) at {Stage}: {Verdict}", mediaType, stage, verdict);
            }

            if (!verdict.IsAllowed || _recordAllowed)
            {
                await _audit.RecordReviewAsync(media, verdict, null, CancellationToken.None).ConfigureAwait(false);
            }

            return verdict;
        }

        /// <inheritdoc />
        [ContentReviewer]
        public async Task<byte[]> EnsureMediaAllowedAsync(byte[] media, string mediaType, ReviewStage stage, CancellationToken cancellationToken = default)
        {
            var verdict = await ReviewMediaAsync(media, mediaType, stage, cancellationToken).ConfigureAwait(false);
            return verdict.IsAllowed ? media : throw new ContentBlockedException(verdict);
        }

        /// <inheritdoc />
        [ContentReviewer]
        public IAsyncEnumerable<string> ReviewStream(IAsyncEnumerable<string> tokens, ReviewStage stage, CancellationToken cancellationToken = default) =>
            StreamReview.Run(tokens ?? throw new ArgumentNullException(nameof(tokens)), this, stage, cancellationToken);

        private Task<ReviewVerdict> ModerateAsync(IContentModerationAdapter adapter, string content, ReviewStage stage, CancellationToken cancellationToken) =>
            ModerateAsync(adapter.Name, token => adapter.ModerateAsync(content, stage, token), stage, cancellationToken);

        private async Task<ReviewVerdict> ModerateAsync(string adapterName, Func<CancellationToken, Task<ReviewVerdict>> moderate, ReviewStage stage, CancellationToken cancellationToken)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(_adapterTimeout);
            try
            {
                return await moderate(timeout.Token).ConfigureAwait(false)
                    ?? throw new InvalidOperationException("the adapter returned no verdict");
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                // Fail closed: content the service could not judge waits for a person.
                _logger.LogError(ex, "Moderation adapter {Adapter} failed; the content is held for manual review.", adapterName);
                return new ReviewVerdict(stage, new[] { new ReviewFinding("adapter-unavailable", "moderation-error", ReviewDecision.NeedsManualReview, adapterName) });
            }
        }
    }
}
