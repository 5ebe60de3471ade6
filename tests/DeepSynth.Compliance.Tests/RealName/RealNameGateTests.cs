using System.Security.Claims;
using DeepSynth.Compliance.RealName;

namespace DeepSynth.Compliance.Tests.RealName;

public class RealNameGateTests
{
    private readonly InMemoryRealNameVerifier _verifier = new();

    [Fact]
    public async Task Verified_users_pass_with_the_methods_used()
    {
        _verifier.Record(RealNameVerification.Verified("alice", DateTimeOffset.UnixEpoch, RealNameMethod.MobileNumber, RealNameMethod.NationalNetworkIdentity));
        var gate = new RealNameGate(_verifier);

        var verification = await gate.EnsureVerifiedAsync("alice");

        Assert.Equal(new[] { RealNameMethod.MobileNumber, RealNameMethod.NationalNetworkIdentity }, verification.Methods);
        Assert.True(await gate.IsVerifiedAsync("alice"));
    }

    [Fact]
    public async Task Unverified_and_anonymous_users_are_stopped_with_the_reason()
    {
        var gate = new RealNameGate(_verifier);

        var error = await Assert.ThrowsAsync<RealNameVerificationRequiredException>(() => gate.EnsureVerifiedAsync("bob"));
        Assert.Contains("DSP Art. 9", error.Message);
        Assert.Contains("no real-name verification on record", error.Message);
        Assert.False(await gate.IsVerifiedAsync("bob"));

        var anonymous = await Assert.ThrowsAsync<RealNameVerificationRequiredException>(() => gate.EnsureVerifiedAsync(new ClaimsPrincipal(new ClaimsIdentity())));
        Assert.Contains("not signed in", anonymous.Message);
    }

    [Fact]
    public async Task The_user_id_comes_from_the_configured_claims()
    {
        _verifier.Record(RealNameVerification.Verified("u-7", DateTimeOffset.UnixEpoch, RealNameMethod.IdentityNumber));
        var gate = new RealNameGate(_verifier, new RealNameOptions { UserIdClaimTypes = { "uid" } });
        var user = new ClaimsPrincipal(new ClaimsIdentity(new[] { new Claim("uid", "u-7") }, "test"));

        Assert.Equal("u-7", (await gate.EnsureVerifiedAsync(user)).UserId);
    }

    [Fact]
    public void A_verification_must_name_its_method()
    {
        Assert.Throws<ArgumentException>(() => RealNameVerification.Verified("alice", DateTimeOffset.UnixEpoch));
    }
}
