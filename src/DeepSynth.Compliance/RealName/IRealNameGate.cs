using System.Security.Claims;
using System.Threading;
using System.Threading.Tasks;

namespace DeepSynth.Compliance.RealName
{
    /// <summary>
    /// Stops information publishing to users whose real identity is not verified (DSP Art. 9). Use it where endpoint
    /// metadata cannot (background jobs, bots, message handlers); web endpoints use <c>[RequireRealName]</c>.
    /// </summary>
    public interface IRealNameGate
    {
        /// <summary>Returns normally only when <paramref name="userId"/> is verified.</summary>
        /// <exception cref="RealNameVerificationRequiredException">The user is not verified.</exception>
        [IdentityVerifier]
        Task<RealNameVerification> EnsureVerifiedAsync(string userId, CancellationToken cancellationToken = default);

        /// <summary>Returns normally only when the signed-in <paramref name="user"/> is verified.</summary>
        /// <exception cref="RealNameVerificationRequiredException">The user is anonymous or not verified.</exception>
        [IdentityVerifier]
        Task<RealNameVerification> EnsureVerifiedAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default);

        /// <summary><c>true</c> when <paramref name="userId"/> is verified.</summary>
        [IdentityVerifier]
        Task<bool> IsVerifiedAsync(string userId, CancellationToken cancellationToken = default);
    }
}
