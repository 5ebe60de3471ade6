using System;

namespace DeepSynth.Compliance
{
    /// <summary>
    /// Marks a method or property whose result is AI-generated (deep synthesis) content.
    /// The DeepSynth analyzers treat every call as a generation call: what it returns must be labeled,
    /// reviewed and audited before it reaches people.
    /// </summary>
    /// <remarks>
    /// Matched by full name, so a project may declare its own copy of this attribute instead of
    /// referencing DeepSynth.Compliance.
    /// </remarks>
    [AttributeUsage(AttributeTargets.Method | AttributeTargets.Property, Inherited = true, AllowMultiple = false)]
    public sealed class GeneratedContentSourceAttribute : Attribute
    {
        /// <summary>What kind of media the member generates. Defaults to <see cref="GeneratedMediaKind.Text"/>.</summary>
        public GeneratedMediaKind Kind { get; set; } = GeneratedMediaKind.Text;
    }
}
