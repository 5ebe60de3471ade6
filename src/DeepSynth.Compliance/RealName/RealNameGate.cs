using System;
using System.Security.Claims;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DeepSynth.Compliance.RealName
{
    /// <summary>The real-name gate over an <see cref="IRealNameVerifier"/>. Thread-safe.</summary>
    public sealed class RealNameGate : IRealNameGate
    {
        private readonly IRealNameVerifier _verifier;
        private readonly RealNameOptions _options;
        private readonly ILogger _logger;

        public RealNameGate(IRealNameVerifier verifier, RealNameOptions? options = null, ILogger<RealNameGate>? logger = null)
        {
            _verifier = verifier ?? throw new ArgumentNullException(nameof(verifier));
            _options = options ?? new RealNameOptions();
            ComplianceConfigurationException.ThrowIfAny(_options.Validate());
            _logger = (ILogger?)logger ?? NullLogger.Instance;
        }

        /// <inheritdoc />
        [IdentityVerifier]
        public async Task<RealNameVerification> EnsureVerifiedAsync(string userId, CancellationToken cancellationToken = default)
        {
            var verification = await CheckAsync(userId, cancellationToken).ConfigureAwait(false);
            if (!verification.IsVerified)
            {
                throw new RealNameVerificationRequiredException(verification);
            }

            return verification;
        }

        /// <inheritdoc />
        [IdentityVerifier]
        public Task<RealNameVerification> EnsureVerifiedAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
        {
            var userId = FindUserId(user);
            if (userId is null)
            {
                throw new RealNameVerificationRequiredException(RealNameVerification.NotVerified(string.Empty, "the user is not signed in"));
            }

            return EnsureVerifiedAsync(userId, cancellationToken);
        }

        /// <inheritdoc />
        [IdentityVerifier]
        public async Task<bool> IsVerifiedAsync(string userId, CancellationToken cancellationToken = default) =>
            (await CheckAsync(userId, cancellationToken).ConfigureAwait(false)).IsVerified;

        /// <summary>The user id of a signed-in principal, by the configured claim types; <c>null</c> when anonymous.</summary>
        public string? FindUserId(ClaimsPrincipal? user) => RealNameClaims.FindUserId(user, _options.UserIdClaimTypes);

        internal async Task<RealNameVerification> CheckAsync(string userId, CancellationToken cancellationToken)
        {
            if (string.IsNullOrEmpty(userId))
            {
                return RealNameVerification.NotVerified(string.Empty, "no user id");
            }

            var verification = await _verifier.GetVerificationAsync(userId, cancellationToken).ConfigureAwait(false)
                ?? RealNameVerification.NotVerified(userId, "the verifier returned no result");
            if (!verification.IsVerified)
            {
                _logger.LogInformation("Real-name verification missing for a user: {Reason}", verification.Reason);
            }

            return verification;
        }
    }
}
