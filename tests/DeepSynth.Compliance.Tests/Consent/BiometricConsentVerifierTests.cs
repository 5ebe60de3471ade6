using DeepSynth.Compliance.Consent;
using DeepSynth.Compliance.Tests.Review;
using Microsoft.Extensions.Time.Testing;

namespace DeepSynth.Compliance.Tests.Consent;

public sealed class BiometricConsentVerifierTests : IDisposable
{
    private static readonly DateTimeOffset Granted = new(2026, 9, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly InMemoryConsentRegistry _registry = new();
    private readonly FakeTimeProvider _clock = new(Granted.AddDays(1));
    private readonly RecordingAuditLog _audit = new();
    private readonly BiometricConsentVerifier _verifier;

    public BiometricConsentVerifierTests()
    {
        _verifier = new BiometricConsentVerifier(_registry, _audit.Log, _clock);
    }

    [Fact]
    public async Task A_matching_unexpired_grant_allows_the_edit_and_the_check_is_recorded()
    {
        await _registry.RecordAsync(new ConsentGrant("person-1", BiometricKind.Face, "digital-human-video", Granted, Granted.AddDays(30), "form-77"));

        var grant = await _verifier.EnsureConsentAsync("person-1", BiometricKind.Face, "digital-human-video");

        Assert.Equal("form-77", grant.EvidenceReference);
        var record = Assert.Single(_audit.Lines());
        Assert.Contains("\"type\":\"consent-check\"", record);
        Assert.Contains("\"consented\":\"true\"", record);
    }

    [Fact]
    public async Task Another_purpose_kind_or_person_is_not_covered()
    {
        await _registry.RecordAsync(new ConsentGrant("person-1", BiometricKind.Face, "digital-human-video", Granted, Granted.AddDays(30)));

        Assert.False(await _verifier.HasConsentAsync("person-1", BiometricKind.Face, "advertising"));
        Assert.False(await _verifier.HasConsentAsync("person-1", BiometricKind.Voice, "digital-human-video"));
        Assert.False(await _verifier.HasConsentAsync("person-2", BiometricKind.Face, "digital-human-video"));
        var error = await Assert.ThrowsAsync<ConsentRequiredException>(() => _verifier.EnsureConsentAsync("person-1", BiometricKind.Face, "advertising"));
        Assert.Contains("DSP Art. 14", error.Message);
    }

    [Fact]
    public async Task Expired_and_revoked_consent_no_longer_counts()
    {
        await _registry.RecordAsync(new ConsentGrant("person-1", BiometricKind.Voice, "dubbing", Granted, Granted.AddDays(30)));
        Assert.True(await _verifier.HasConsentAsync("person-1", BiometricKind.Voice, "dubbing"));

        _clock.Advance(TimeSpan.FromDays(30));
        Assert.False(await _verifier.HasConsentAsync("person-1", BiometricKind.Voice, "dubbing"));

        await _registry.RecordAsync(new ConsentGrant("person-1", BiometricKind.Voice, "dubbing", _clock.GetUtcNow(), _clock.GetUtcNow().AddDays(30)));
        Assert.True(await _verifier.HasConsentAsync("person-1", BiometricKind.Voice, "dubbing"));
        await _registry.RevokeAsync("person-1", BiometricKind.Voice);
        Assert.False(await _verifier.HasConsentAsync("person-1", BiometricKind.Voice, "dubbing"));
    }

    public void Dispose() => _audit.Dispose();
}
