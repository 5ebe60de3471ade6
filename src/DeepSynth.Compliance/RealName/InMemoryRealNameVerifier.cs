using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;

namespace DeepSynth.Compliance.RealName
{
    /// <summary>
    /// Keeps verification results in memory, for development, tests and single-process tools. Production apps implement
    /// <see cref="IRealNameVerifier"/> over their identity store so results survive restarts.
    /// </summary>
    public sealed class InMemoryRealNameVerifier : IRealNameVerifier
    {
        private readonly ConcurrentDictionary<string, RealNameVerification> _verified = new ConcurrentDictionary<string, RealNameVerification>(StringComparer.Ordinal);

        /// <summary>Records that <paramref name="verification"/>'s user completed real-name verification.</summary>
        public void Record(RealNameVerification verification)
        {
            if (verification is null || !verification.IsVerified)
            {
                throw new ArgumentException("Record only successful verifications.", nameof(verification));
            }

            _verified[verification.UserId] = verification;
        }

        public void Revoke(string userId) => _verified.TryRemove(userId, out _);

        public Task<RealNameVerification> GetVerificationAsync(string userId, CancellationToken cancellationToken = default)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return Task.FromResult(_verified.TryGetValue(userId, out var verification)
                ? verification
                : RealNameVerification.NotVerified(userId, "no real-name verification on record"));
        }
    }
}
