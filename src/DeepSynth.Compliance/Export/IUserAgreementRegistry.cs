using System.Threading;
using System.Threading.Tasks;

namespace DeepSynth.Compliance.Export
{
    /// <summary>
    /// Whether a user accepted a user agreement that states their duty to label content they receive without the
    /// explicit label (Labeling Measures Art. 9). Implement it over your agreement records.
    /// </summary>
    public interface IUserAgreementRegistry
    {
        Task<bool> HasAcceptedLabelingDutyAsync(string userId, CancellationToken cancellationToken = default);
    }
}
