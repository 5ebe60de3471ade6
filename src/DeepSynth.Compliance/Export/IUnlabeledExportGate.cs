using System.Threading;
using System.Threading.Tasks;

namespace DeepSynth.Compliance.Export
{
    /// <summary>
    /// Lets a user receive generated content without the explicit label (Labeling Measures Art. 9): only after the user
    /// accepted the labeling duty, and only with a ledger entry of who received what. The implicit label is never waived.
    /// </summary>
    public interface IUnlabeledExportGate
    {
        /// <summary>Checks the agreement and records the recipient; returns normally only when the export may proceed.</summary>
        /// <exception cref="UnlabeledExportNotPermittedException">The user has not accepted the labeling duty.</exception>
        Task<UnlabeledExportGrant> AuthorizeAsync(string userId, string contentId, CancellationToken cancellationToken = default);
    }
}
