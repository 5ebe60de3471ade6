namespace DeepSynth.Compliance.Metadata
{
    /// <summary>A label found at one site: its metadata when the text parses, otherwise why it does not.</summary>
    public sealed class FoundAigcLabel
    {
        internal FoundAigcLabel(AigcLabelSite site, AigcMetadata? metadata, string? error, bool isEmptyShell)
        {
            Site = site;
            Metadata = metadata;
            Error = error;
            IsEmptyShell = isEmptyShell;
        }

        public AigcLabelSite Site { get; }

        public AigcMetadata? Metadata { get; }

        /// <summary>Why the text is not AIGC metadata, or <c>null</c> when it parsed.</summary>
        public string? Error { get; }

        /// <summary>The site holds no field value at all (empty text, <c>{}</c>, <c>{"AIGC":{}}</c> or seven empty strings).</summary>
        public bool IsEmptyShell { get; }
    }
}
