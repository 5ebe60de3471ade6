using System.Threading;
using System.Threading.Tasks;

namespace DeepSynth.Compliance.Consent
{
    /// <summary>Checks the separate consent required before editing a person's face or voice (DSP Art. 14 ¶2).</summary>
    public interface IBiometricConsentVerifier
    {
        /// <summary>Returns the grant that covers the edit now.</summary>
        /// <exception cref="ConsentRequiredException">No unexpired grant for this subject, kind and purpose.</exception>
        [ConsentVerifier]
        Task<ConsentGrant> EnsureConsentAsync(string subjectId, BiometricKind kind, string purpose, CancellationToken cancellationToken = default);

        /// <summary><c>true</c> when an unexpired grant covers the edit now.</summary>
        [ConsentVerifier]
        Task<bool> HasConsentAsync(string subjectId, BiometricKind kind, string purpose, CancellationToken cancellationToken = default);
    }
}
