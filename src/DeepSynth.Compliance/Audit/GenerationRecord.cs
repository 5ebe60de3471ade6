using System.Collections.Generic;

namespace DeepSynth.Compliance.Audit
{
    /// <summary>What to record about one generation besides its content (which is stored as a SHA-256 only).</summary>
    public sealed class GenerationRecord
    {
        /// <summary>The user the content was generated for; stored as a pseudonym.</summary>
        public string? UserId { get; set; }

        public GeneratedMediaKind Kind { get; set; } = GeneratedMediaKind.Text;

        /// <summary>The model or service that generated it, e.g. "gpt-4o" or "qwen-max".</summary>
        public string? Model { get; set; }

        /// <summary>The content number in its implicit label (ProduceID), linking file and record.</summary>
        public string? ContentId { get; set; }

        /// <summary>Whether the content carried the explicit label when it left the service.</summary>
        public bool? Labeled { get; set; }

        /// <summary>Further fields (no raw phone or ID numbers; those are refused).</summary>
        public IDictionary<string, string> Attributes { get; } = new Dictionary<string, string>();
    }
}
