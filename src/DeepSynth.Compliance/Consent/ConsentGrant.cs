using System;

namespace DeepSynth.Compliance.Consent
{
    /// <summary>
    /// The separate consent (单独同意) of the person whose face or voice is edited: who consented, to what kind of edit,
    /// for which purpose, until when. <see cref="SubjectId"/> is your id for that person, not a phone or ID number.
    /// </summary>
    public sealed class ConsentGrant
    {
        public ConsentGrant(string subjectId, BiometricKind kind, string purpose, DateTimeOffset grantedAt, DateTimeOffset expiresAt, string? evidenceReference = null)
        {
            if (string.IsNullOrWhiteSpace(subjectId))
            {
                throw new ArgumentException("Name the person who consented.", nameof(subjectId));
            }

            if (string.IsNullOrWhiteSpace(purpose))
            {
                throw new ArgumentException("Consent is given for a purpose; name it.", nameof(purpose));
            }

            if (expiresAt <= grantedAt)
            {
                throw new ArgumentException("Consent must expire after it was granted.", nameof(expiresAt));
            }

            SubjectId = subjectId;
            Kind = kind;
            Purpose = purpose;
            GrantedAt = grantedAt;
            ExpiresAt = expiresAt;
            EvidenceReference = evidenceReference;
        }

        public string SubjectId { get; }

        public BiometricKind Kind { get; }

        /// <summary>What the edit is for, e.g. "digital-human-video"; consent for one purpose does not cover another.</summary>
        public string Purpose { get; }

        public DateTimeOffset GrantedAt { get; }

        public DateTimeOffset ExpiresAt { get; }

        /// <summary>Where the proof of consent is kept (a signed form's id, a recording's id).</summary>
        public string? EvidenceReference { get; }

        /// <summary>Whether this grant covers the edit at <paramref name="at"/>.</summary>
        public bool Covers(string subjectId, BiometricKind kind, string purpose, DateTimeOffset at) =>
            string.Equals(SubjectId, subjectId, StringComparison.Ordinal)
            && Kind == kind
            && string.Equals(Purpose, purpose, StringComparison.Ordinal)
            && at >= GrantedAt
            && at < ExpiresAt;
    }
}
