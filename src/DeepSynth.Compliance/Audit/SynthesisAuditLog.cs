using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using DeepSynth.Compliance.Review;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DeepSynth.Compliance.Audit
{
    /// <summary>The audit log on local disk. Thread-safe; one instance per folder and process (a singleton in DI).</summary>
    public sealed class SynthesisAuditLog : ISynthesisAuditLog, IDisposable
    {
        private readonly HashChainedLog _log;
        private readonly UserPseudonymizer _pseudonymizer;
        private readonly IComplianceUserAccessor? _currentUser;

        /// <exception cref="ComplianceConfigurationException">The options are invalid (no folder, retention under 180 days, no key).</exception>
        public SynthesisAuditLog(AuditLogOptions options, TimeProvider? time = null, ILogger<SynthesisAuditLog>? logger = null, IComplianceUserAccessor? currentUser = null)
        {
            if (options is null)
            {
                throw new ArgumentNullException(nameof(options));
            }

            ComplianceConfigurationException.ThrowIfAny(options.Validate());
            _pseudonymizer = new UserPseudonymizer(options.PseudonymKey!);
            _log = new HashChainedLog(options.Directory!, "audit", options.RetentionDays, options.FlushToDisk, time ?? TimeProvider.System, (ILogger?)logger ?? NullLogger.Instance, options.CheckpointSettings());
            _currentUser = currentUser;
        }

        /// <inheritdoc />
        [SynthesisAuditor]
        public Task<AuditRecord> RecordAsync(string content, GenerationRecord generation, CancellationToken cancellationToken = default)
        {
            if (content is null)
            {
                throw new ArgumentNullException(nameof(content));
            }

            return RecordGenerationAsync(Encoding.UTF8.GetBytes(content), generation, cancellationToken);
        }

        /// <inheritdoc />
        [SynthesisAuditor]
        public Task<AuditRecord> RecordAsync(byte[] content, GenerationRecord generation, CancellationToken cancellationToken = default)
        {
            if (content is null)
            {
                throw new ArgumentNullException(nameof(content));
            }

            return RecordGenerationAsync(content, generation, cancellationToken);
        }

        /// <inheritdoc />
        public Task<AuditRecord> RecordReviewAsync(string content, ReviewVerdict verdict, string? userId = null, CancellationToken cancellationToken = default) =>
            RecordReviewAsync(Encoding.UTF8.GetBytes(content ?? throw new ArgumentNullException(nameof(content))), verdict, userId, cancellationToken);

        /// <inheritdoc />
        public Task<AuditRecord> RecordReviewAsync(byte[] content, ReviewVerdict verdict, string? userId = null, CancellationToken cancellationToken = default)
        {
            if (content is null)
            {
                throw new ArgumentNullException(nameof(content));
            }

            if (verdict is null)
            {
                throw new ArgumentNullException(nameof(verdict));
            }

            var data = Describe(content);
            data["stage"] = verdict.Stage.ToString();
            data["decision"] = verdict.Decision.ToString();
            if (verdict.Findings.Count > 0)
            {
                data["findings"] = string.Join("; ", verdict.Findings.Select(f => f.ToString()));
            }

            return _log.AppendAsync("review", Subject(userId), data, cancellationToken);
        }

        /// <inheritdoc />
        public Task<AuditRecord> RecordEventAsync(string type, string? userId, IReadOnlyDictionary<string, string> data, CancellationToken cancellationToken = default)
        {
            if (string.IsNullOrWhiteSpace(type) || type == HashChainedLog.PurgeType)
            {
                throw new ArgumentException("Name the event type (and not the reserved retention-purge).", nameof(type));
            }

            var copy = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var pair in data ?? throw new ArgumentNullException(nameof(data)))
            {
                PersonalIdentifierGuard.Check(pair.Key, pair.Value);
                copy[pair.Key] = pair.Value;
            }

            return _log.AppendAsync(type, Subject(userId), copy, cancellationToken);
        }

        /// <inheritdoc />
        [SynthesisAuditor]
        public IAsyncEnumerable<string> RecordStream(IAsyncEnumerable<string> tokens, GenerationRecord generation, CancellationToken cancellationToken = default)
        {
            if (tokens is null)
            {
                throw new ArgumentNullException(nameof(tokens));
            }

            if (generation is null)
            {
                throw new ArgumentNullException(nameof(generation));
            }

            return RecordStreamCore(tokens, generation, cancellationToken);
        }

        /// <summary>The writer underneath, for tests that inject a failing disk.</summary>
        internal HashChainedLog Chain => _log;

        /// <summary>
        /// Signs and writes a checkpoint of every record so far, without waiting for the interval (before a backup, at
        /// shutdown). Returns null when checkpoints are off or there is nothing new since the last one.
        /// </summary>
        public Task<AuditCheckpoint?> CheckpointAsync(CancellationToken cancellationToken = default) => _log.CheckpointAsync(cancellationToken);

        /// <summary>The pseudonym under which <paramref name="userId"/>'s records are kept, to query or export them.</summary>
        public string PseudonymOf(string userId) => _pseudonymizer.Pseudonymize(userId);

        public void Dispose() => _log.Dispose();

        private async IAsyncEnumerable<string> RecordStreamCore(IAsyncEnumerable<string> tokens, GenerationRecord generation, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            var text = new StringBuilder();
            try
            {
                await foreach (var token in tokens.WithCancellation(cancellationToken).ConfigureAwait(false))
                {
                    text.Append(token);
                    yield return token;
                }
            }
            finally
            {
                if (text.Length > 0)
                {
                    // Not cancellable: a generation that reached the reader must be on file even if the request was aborted.
                    await RecordAsync(text.ToString(), generation, CancellationToken.None).ConfigureAwait(false);
                }
            }
        }

        private Task<AuditRecord> RecordGenerationAsync(byte[] content, GenerationRecord generation, CancellationToken cancellationToken)
        {
            if (generation is null)
            {
                throw new ArgumentNullException(nameof(generation));
            }

            var data = Describe(content);
            data["kind"] = generation.Kind.ToString();
            Add(data, "model", generation.Model);
            Add(data, "contentId", generation.ContentId);
            if (generation.Labeled is { } labeled)
            {
                data["labeled"] = labeled ? "true" : "false";
            }

            foreach (var pair in generation.Attributes)
            {
                Add(data, pair.Key, pair.Value);
            }

            return _log.AppendAsync("generation", Subject(generation.UserId), data, cancellationToken);
        }

        private static Dictionary<string, string> Describe(byte[] content)
        {
            using var sha = SHA256.Create();
            return new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["contentSha256"] = Hex.Lower(sha.ComputeHash(content)),
                ["contentBytes"] = content.Length.ToString(CultureInfo.InvariantCulture),
            };
        }

        private static void Add(Dictionary<string, string> data, string key, string? value)
        {
            if (value is null)
            {
                return;
            }

            PersonalIdentifierGuard.Check(key, value);
            data[key] = value;
        }

        private string? Subject(string? userId)
        {
            userId ??= _currentUser?.UserId;
            return string.IsNullOrEmpty(userId) ? null : _pseudonymizer.Pseudonymize(userId!);
        }
    }
}
