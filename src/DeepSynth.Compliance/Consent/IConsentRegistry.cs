using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace DeepSynth.Compliance.Consent
{
    /// <summary>Where consent grants are stored. Implement it over your database; <see cref="InMemoryConsentRegistry"/> is for tests and tools.</summary>
    public interface IConsentRegistry
    {
        Task RecordAsync(ConsentGrant grant, CancellationToken cancellationToken = default);

        /// <summary>Withdraws every grant of <paramref name="subjectId"/> for <paramref name="kind"/>; consent can be withdrawn at any time.</summary>
        Task RevokeAsync(string subjectId, BiometricKind kind, CancellationToken cancellationToken = default);

        Task<IReadOnlyList<ConsentGrant>> FindAsync(string subjectId, BiometricKind kind, CancellationToken cancellationToken = default);
    }
}
