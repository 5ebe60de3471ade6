using DeepSynth.Compliance.Audit;
using DeepSynth.Compliance.Export;
using DeepSynth.Compliance.Tests.Support;

namespace DeepSynth.Compliance.Tests.Export;

public sealed class UnlabeledExportGateTests : IDisposable
{
    private readonly TempDirectory _ledger = new();
    private readonly AgreementRecords _agreements = new();

    [Fact]
    public async Task Without_the_labeling_duty_in_the_agreement_the_export_is_refused()
    {
        using var gate = NewGate();
        var error = await Assert.ThrowsAsync<UnlabeledExportNotPermittedException>(() => gate.AuthorizeAsync("bob", "p-1"));
        Assert.Contains("Art. 9", error.Message);
        Assert.Equal(0, AuditLogVerifier.Verify(_ledger.Path).RecordCount);
    }

    [Fact]
    public async Task An_accepted_agreement_lets_the_export_through_and_the_recipient_is_in_the_ledger()
    {
        _agreements.Accepted.Add("alice");
        using (var gate = NewGate())
        {
            var grant = await gate.AuthorizeAsync("alice", "p-1");
            Assert.Equal(1, grant.LedgerSequence);
        }

        var result = AuditLogVerifier.Verify(_ledger.Path);
        Assert.True(result.IsIntact);
        Assert.Equal(1, result.RecordCount);
        var line = File.ReadAllText(Directory.GetFiles(_ledger.Path, "unlabeled-export-*.jsonl").Single());
        Assert.Contains("\"contentId\":\"p-1\"", line);
        Assert.Contains(new UserPseudonymizer(TestKeys.PseudonymKey).Pseudonymize("alice"), line);
        Assert.DoesNotContain("\"alice\"", line);
    }

    [Fact]
    public void A_ledger_kept_less_than_six_months_is_a_configuration_error()
    {
        var error = Assert.Throws<ComplianceConfigurationException>(() => new UnlabeledExportGate(_agreements, new UnlabeledExportOptions { LedgerDirectory = _ledger.Path, RetentionDays = 30 }, TestKeys.PseudonymKey));
        Assert.Contains("at least 180 days", error.Message);
        var missing = Assert.Throws<ComplianceConfigurationException>(() => new UnlabeledExportGate(_agreements, new UnlabeledExportOptions(), TestKeys.PseudonymKey));
        Assert.Contains("LedgerDirectory is required", missing.Message);
    }

    public void Dispose() => _ledger.Dispose();

    private UnlabeledExportGate NewGate() => new(_agreements, new UnlabeledExportOptions { LedgerDirectory = _ledger.Path }, TestKeys.PseudonymKey);

    private sealed class AgreementRecords : IUserAgreementRegistry
    {
        public HashSet<string> Accepted { get; } = new();

        public Task<bool> HasAcceptedLabelingDutyAsync(string userId, CancellationToken cancellationToken = default) => Task.FromResult(Accepted.Contains(userId));
    }
}
