using System;

namespace DeepSynth.Compliance.Consent
{
    /// <summary>Thrown when a face or voice edit lacks the edited person's separate, unexpired consent for its purpose (DSP Art. 14 ¶2).</summary>
    public sealed class ConsentRequiredException : InvalidOperationException
    {
        public ConsentRequiredException(string subjectId, BiometricKind kind, string purpose)
            : base($"No valid separate consent of the person '{subjectId}' covers a {kind.ToString().ToLowerInvariant()} edit for '{purpose}' (DSP Art. 14): prompt the user to inform that person and obtain their consent first.")
        {
            SubjectId = subjectId;
            Kind = kind;
            Purpose = purpose;
        }

        public string SubjectId { get; }

        public BiometricKind Kind { get; }

        public string Purpose { get; }
    }
}
