using System;
using System.Collections.Generic;

namespace DeepSynth.Compliance.Review
{
    /// <summary>How content is reviewed.</summary>
    public sealed class ReviewOptions
    {
        /// <summary>The feature library JSON file. Required unless an external moderation adapter is registered.</summary>
        public string? FeatureLibraryPath { get; set; }

        /// <summary>How often the file's timestamp is checked for a new version. Default 30 s; zero turns reloading off.</summary>
        public TimeSpan ReloadCheckInterval { get; set; } = TimeSpan.FromSeconds(30);

        /// <summary>How long an external adapter may take before the content is held for manual review. Default 10 s.</summary>
        public TimeSpan AdapterTimeout { get; set; } = TimeSpan.FromSeconds(10);

        /// <summary>
        /// True when no <see cref="IMediaModerationAdapter"/> is registered on purpose: every generated image, audio or video is
        /// then held for manual review (never published by EnsureMediaAllowedAsync). False by default: the host does not start
        /// without a media moderation service, because held media would otherwise surprise you in production.
        /// </summary>
        public bool HoldMediaForManualReview { get; set; }

        internal IEnumerable<string> Validate()
        {
            if (FeatureLibraryPath is not null && !System.IO.File.Exists(FeatureLibraryPath))
            {
                yield return $"Review:FeatureLibraryPath '{FeatureLibraryPath}' does not exist.";
            }

            if (ReloadCheckInterval < TimeSpan.Zero)
            {
                yield return "Review:ReloadCheckInterval must not be negative.";
            }

            if (AdapterTimeout <= TimeSpan.Zero)
            {
                yield return "Review:AdapterTimeout must be positive.";
            }
        }
    }
}
