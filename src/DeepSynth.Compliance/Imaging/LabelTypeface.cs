using System;
using System.Collections.Concurrent;
using SkiaSharp;

namespace DeepSynth.Compliance.Imaging
{
    /// <summary>
    /// Loads label typefaces once per process. Skia typefaces are immutable and safe to share between threads.
    /// </summary>
    internal static class LabelTypeface
    {
        private const string EmbeddedResource = "DeepSynth.Compliance.LabelFont.otf";
        private static readonly ConcurrentDictionary<string, SKTypeface> Cache = new ConcurrentDictionary<string, SKTypeface>(StringComparer.Ordinal);

        public static SKTypeface Get(string? fontPath) => Cache.GetOrAdd(fontPath ?? string.Empty, Load);

        private static SKTypeface Load(string fontPath)
        {
            if (fontPath.Length > 0)
            {
                return SKTypeface.FromFile(fontPath)
                    ?? throw new ComplianceConfigurationException(new[] { $"Image:FontPath '{fontPath}' is not a font Skia can load." });
            }

            using var stream = typeof(LabelTypeface).Assembly.GetManifestResourceStream(EmbeddedResource)
                ?? throw new InvalidOperationException($"The embedded label font {EmbeddedResource} is missing from DeepSynth.Compliance.");
            return SKTypeface.FromStream(stream)
                ?? throw new InvalidOperationException("The embedded label font could not be loaded by Skia.");
        }
    }
}
