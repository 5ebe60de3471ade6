using System;

namespace DeepSynth.Compliance.Metadata
{
    /// <summary>One place in a file where an AIGC label was found, with the raw text found there.</summary>
    public sealed class AigcLabelSite
    {
        public AigcLabelSite(string location, AigcLabelPlacement placement, string clause, byte[] text)
        {
            Location = location ?? throw new ArgumentNullException(nameof(location));
            Placement = placement;
            Clause = clause ?? throw new ArgumentNullException(nameof(clause));
            Text = text ?? throw new ArgumentNullException(nameof(text));
        }

        /// <summary>Where in the container, e.g. <c>PNG iTXt XML:com.adobe.xmp &gt; XMP TC260:AIGC element</c>.</summary>
        public string Location { get; }

        public AigcLabelPlacement Placement { get; }

        /// <summary>The guide (and clause where known) that names this placement, e.g. <c>TC260-PG-20259A</c>.</summary>
        public string Clause { get; }

        /// <summary>The label text as stored (UTF-8 JSON, bare or wrapped), before parsing.</summary>
        public byte[] Text { get; }

        public override string ToString() => Location;
    }
}
