using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace DeepSynth.Compliance.Consent
{
    /// <summary>Consent grants in memory, for tests and single-process tools. Thread-safe.</summary>
    public sealed class InMemoryConsentRegistry : IConsentRegistry
    {
        private readonly object _sync = new object();
        private readonly List<ConsentGrant> _grants = new List<ConsentGrant>();

        public Task RecordAsync(ConsentGrant grant, CancellationToken cancellationToken = default)
        {
            if (grant is null)
            {
                throw new ArgumentNullException(nameof(grant));
            }

            lock (_sync)
            {
                _grants.Add(grant);
            }

            return Task.CompletedTask;
        }

        public Task RevokeAsync(string subjectId, BiometricKind kind, CancellationToken cancellationToken = default)
        {
            lock (_sync)
            {
                _grants.RemoveAll(g => g.SubjectId == subjectId && g.Kind == kind);
            }

            return Task.CompletedTask;
        }

        public Task<IReadOnlyList<ConsentGrant>> FindAsync(string subjectId, BiometricKind kind, CancellationToken cancellationToken = default)
        {
            lock (_sync)
            {
                return Task.FromResult<IReadOnlyList<ConsentGrant>>(_grants.Where(g => g.SubjectId == subjectId && g.Kind == kind).ToArray());
            }
        }
    }
}
