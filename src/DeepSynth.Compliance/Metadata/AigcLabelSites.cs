using System;
using System.Collections.Generic;
using System.Linq;

namespace DeepSynth.Compliance.Metadata
{
    /// <summary>What the carriers share once they have found a file's label sites.</summary>
    internal static class AigcLabelSites
    {
        /// <summary>
        /// The metadata to treat as the file's label: the first one at a standard site, else at an annex site, else
        /// anywhere. Throws <see cref="AigcMetadataException"/> when that text is not AIGC JSON; <c>null</c> without sites.
        /// </summary>
        public static AigcMetadata? Preferred(IReadOnlyList<AigcLabelSite> sites)
        {
            var site = sites.OrderBy(s => s.Placement).FirstOrDefault();
            return site is null ? null : AigcMetadata.Parse(site.Text);
        }

        /// <summary>
        /// What a carrier writes when asked to embed <paramref name="metadata"/>: <see cref="AigcMetadata.Relabel"/> of the
        /// file's readable label (from whichever site) and the request, so relabeling loses no field.
        /// </summary>
        public static AigcMetadata Effective(IAigcMetadataCarrier carrier, byte[] file, AigcMetadata metadata)
        {
            if (metadata is null)
            {
                throw new System.ArgumentNullException(nameof(metadata));
            }

            return AigcMetadata.Relabel(PreferredReadable(carrier.FindSites(file)), metadata);
        }

        /// <summary>The text without the NUL terminators RIFF writers (WAV chunks, AVI INFO strings) append.</summary>
        public static byte[] TrimNul(byte[] text)
        {
            var length = text.Length;
            while (length > 0 && text[length - 1] == 0)
            {
                length--;
            }

            return length == text.Length ? text : text.AsSpan(0, length).ToArray();
        }

        /// <summary>Like <see cref="Preferred"/>, but the first site whose text parses; used when relabeling over damage.</summary>
        public static AigcMetadata? PreferredReadable(IReadOnlyList<AigcLabelSite> sites)
        {
            foreach (var site in sites.OrderBy(s => s.Placement))
            {
                try
                {
                    return AigcMetadata.Parse(site.Text);
                }
                catch (AigcMetadataException)
                {
                    // An empty or broken label elsewhere must not stop the one good label from being kept.
                }
            }

            return null;
        }
    }
}
