using DeepSynth.Compliance.RealName;

namespace ChatService.Services;

/// <summary>
/// Reads the real-name status that this service's sign-in flow stores as claims. A production service would look the
/// user up in its identity store (mobile number or ID-number verification, or the national network identity service).
/// </summary>
public sealed class ClaimsRealNameVerifier(IHttpContextAccessor http) : IRealNameVerifier
{
    public Task<RealNameVerification> GetVerificationAsync(string userId, CancellationToken cancellationToken = default)
    {
        var user = http.HttpContext?.User;
        var verifiedAt = user?.FindFirst("real_name_verified_at")?.Value;
        return Task.FromResult(DateTimeOffset.TryParse(verifiedAt, out var when)
            ? RealNameVerification.Verified(userId, when, RealNameMethod.MobileNumber)
            : RealNameVerification.NotVerified(userId, "no real-name verification on record"));
    }
}
