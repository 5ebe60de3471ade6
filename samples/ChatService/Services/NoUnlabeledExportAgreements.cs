using DeepSynth.Compliance.Export;

namespace ChatService.Services;

/// <summary>This service offers no unlabeled export (LM 9): no user has accepted the labeling duty that would allow it.</summary>
public sealed class NoUnlabeledExportAgreements : IUserAgreementRegistry
{
    public Task<bool> HasAcceptedLabelingDutyAsync(string userId, CancellationToken cancellationToken = default) => Task.FromResult(false);
}
