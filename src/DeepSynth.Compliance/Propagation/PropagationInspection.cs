using System.Collections.Generic;
using DeepSynth.Compliance.Metadata;

namespace DeepSynth.Compliance.Propagation
{
    /// <summary>The outcome of inspecting an upload.</summary>
    public sealed class PropagationInspection
    {
        internal PropagationInspection(PropagationClassification classification, AigcMetadata? metadata, string? notice, IReadOnlyList<string> problems)
        {
            Classification = classification;
            Metadata = metadata;
            Notice = notice;
            Problems = problems;
        }

        public PropagationClassification Classification { get; }

        /// <summary>The AIGC metadata the upload carried, if any.</summary>
        public AigcMetadata? Metadata { get; }

        /// <summary>The prompt to show near the published content, or <c>null</c> when none is required.</summary>
        public string? Notice { get; }

        /// <summary>Why the metadata was not trusted as it stands (malformed or not conformant).</summary>
        public IReadOnlyList<string> Problems { get; }
    }
}
