using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DeepSynth.Compliance.Audit;

namespace DeepSynth.Compliance.Consent
{
    /// <summary>The consent check over an <see cref="IConsentRegistry"/>; each check is recorded in the audit log. Thread-safe.</summary>
    public sealed class BiometricConsentVerifier : IBiometricConsentVerifier
    {
        private readonly IConsentRegistry _registry;
        private readonly ISynthesisAuditLog? _audit;
        private readonly TimeProvider _time;

        public BiometricConsentVerifier(IConsentRegistry registry, ISynthesisAuditLog? audit = null, TimeProvider? time = null)
        {
            _registry = registry ?? throw new ArgumentNullException(nameof(registry));
            _audit = audit;
            _time = time ?? TimeProvider.System;
        }

        /// <inheritdoc />
        [ConsentVerifier]
        public async Task<ConsentGrant> EnsureConsentAsync(string subjectId, BiometricKind kind, string purpose, CancellationToken cancellationToken = default)
        {
            return await FindAsync(subjectId, kind, purpose, cancellationToken).ConfigureAwait(false)
                ?? throw new ConsentRequiredException(subjectId, kind, purpose);
        }

        /// <inheritdoc />
        [ConsentVerifier]
        public async Task<bool> HasConsentAsync(string subjectId, BiometricKind kind, string purpose, CancellationToken cancellationToken = default) =>
            await FindAsync(subjectId, kind, purpose, cancellationToken).ConfigureAwait(false) is not null;

        private async Task<ConsentGrant?> FindAsync(string subjectId, BiometricKind kind, string purpose, CancellationToken cancellationToken)
        {
            if (string.IsNullOrWhiteSpace(subjectId))
            {
                throw new ArgumentException("Name the person whose face or voice is edited.", nameof(subjectId));
            }

            var now = _time.GetUtcNow();
            var grants = await _registry.FindAsync(subjectId, kind, cancellationToken).ConfigureAwait(false);
            var grant = grants.FirstOrDefault(g => g.Covers(subjectId, kind, purpose, now));
            if (_audit is not null)
            {
                await _audit.RecordEventAsync("consent-check", null, new Dictionary<string, string>
                {
                    ["kind"] = kind.ToString(),
                    ["purpose"] = purpose,
                    ["consented"] = grant is null ? "false" : "true",
                    ["evidence"] = grant?.EvidenceReference ?? string.Empty,
                }, cancellationToken).ConfigureAwait(false);
            }

            return grant;
        }
    }
}
