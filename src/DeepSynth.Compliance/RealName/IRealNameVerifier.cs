using System.Threading;
using System.Threading.Tasks;

namespace DeepSynth.Compliance.RealName
{
    /// <summary>
    /// The app's source of truth for real-name verification: its identity store or a verification provider. Implement it
    /// and register it; the SDK's gate and ASP.NET Core policy call it. A login alone is not real-name verification.
    /// </summary>
    public interface IRealNameVerifier
    {
        /// <summary>The verification state of <paramref name="userId"/>; never throws for an unknown user, returns not verified.</summary>
        Task<RealNameVerification> GetVerificationAsync(string userId, CancellationToken cancellationToken = default);
    }
}
