using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using DeepSynth.Compliance.Audit;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DeepSynth.Compliance.Export
{
    /// <summary>The LM Art. 9 gate with a hash-chained recipient ledger. Thread-safe; one instance per ledger folder.</summary>
    public sealed class UnlabeledExportGate : IUnlabeledExportGate, IDisposable
    {
        private readonly IUserAgreementRegistry _agreements;
        private readonly UserPseudonymizer _pseudonymizer;
        private readonly HashChainedLog _ledger;

        /// <param name="agreements">The user agreement records.</param>
        /// <param name="options">The ledger folder and retention.</param>
        /// <param name="pseudonymKey">The audit log's pseudonym key, so ledger and audit log name users alike.</param>
        /// <param name="time">The clock.</param>
        /// <param name="logger">Receives ledger repairs and purges.</param>
        public UnlabeledExportGate(IUserAgreementRegistry agreements, UnlabeledExportOptions options, string pseudonymKey, TimeProvider? time = null, ILogger<UnlabeledExportGate>? logger = null)
        {
            _agreements = agreements ?? throw new ArgumentNullException(nameof(agreements));
            if (options is null)
            {
                throw new ArgumentNullException(nameof(options));
            }

            var problems = new List<string>(options.Validate());
            if (string.IsNullOrWhiteSpace(options.LedgerDirectory))
            {
                problems.Add("Export:LedgerDirectory is required to provide output without the explicit label (the recipient ledger, LM Art. 9).");
            }

            ComplianceConfigurationException.ThrowIfAny(problems);
            _pseudonymizer = new UserPseudonymizer(pseudonymKey);
            _ledger = new HashChainedLog(options.LedgerDirectory!, "unlabeled-export", options.RetentionDays, true, time ?? TimeProvider.System, (ILogger?)logger ?? NullLogger.Instance);
        }

        /// <inheritdoc />
        public async Task<UnlabeledExportGrant> AuthorizeAsync(string userId, string contentId, CancellationToken cancellationToken = default)
        {
            if (string.IsNullOrEmpty(userId))
            {
                throw new ArgumentException("A user id is required.", nameof(userId));
            }

            if (string.IsNullOrEmpty(contentId))
            {
                throw new ArgumentException("Name the content (its ProduceID).", nameof(contentId));
            }

            PersonalIdentifierGuard.Check(nameof(contentId), contentId);
            if (!await _agreements.HasAcceptedLabelingDutyAsync(userId, cancellationToken).ConfigureAwait(false))
            {
                throw new UnlabeledExportNotPermittedException();
            }

            var record = await _ledger.AppendAsync("unlabeled-export", _pseudonymizer.Pseudonymize(userId), new Dictionary<string, string>
            {
                ["contentId"] = contentId,
                ["agreement"] = "labeling-duty-accepted",
            }, cancellationToken).ConfigureAwait(false);
            return new UnlabeledExportGrant(contentId, record.Timestamp, record.Sequence);
        }

        public void Dispose() => _ledger.Dispose();
    }
}
