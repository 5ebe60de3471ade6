using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using DeepSynth.Compliance.Review;

namespace DeepSynth.Compliance.Audit
{
    /// <summary>
    /// The tamper-evident record of generations and moderation outcomes (DSP Art. 10 and 16; logs kept at least six
    /// months, CSL Art. 21(3)). Content is stored as a SHA-256 and its length, users as keyed-hash pseudonyms.
    /// </summary>
    public interface ISynthesisAuditLog
    {
        /// <summary>Records the generation of <paramref name="content"/>; returns once the record is on disk.</summary>
        [SynthesisAuditor]
        Task<AuditRecord> RecordAsync(string content, GenerationRecord generation, CancellationToken cancellationToken = default);

        /// <summary>Records the generation of a file or binary <paramref name="content"/>.</summary>
        [SynthesisAuditor]
        Task<AuditRecord> RecordAsync(byte[] content, GenerationRecord generation, CancellationToken cancellationToken = default);

        /// <summary>
        /// Passes a token stream through and records the generation it carries: the full text once the stream ends, or
        /// what was generated so far when it is cancelled or fails, so every generation that reached a reader is on file.
        /// </summary>
        [SynthesisAuditor]
        IAsyncEnumerable<string> RecordStream(IAsyncEnumerable<string> tokens, GenerationRecord generation, CancellationToken cancellationToken = default);

        /// <summary>Records a review verdict on <paramref name="content"/>.</summary>
        /// <summary>Records the verdict of a media review (the media itself is stored only as a hash).</summary>
        Task<AuditRecord> RecordReviewAsync(byte[] content, ReviewVerdict verdict, string? userId = null, CancellationToken cancellationToken = default);

        Task<AuditRecord> RecordReviewAsync(string content, ReviewVerdict verdict, string? userId = null, CancellationToken cancellationToken = default);

        /// <summary>Records another compliance event (consent check, unlabeled export, manual review outcome).</summary>
        Task<AuditRecord> RecordEventAsync(string type, string? userId, IReadOnlyDictionary<string, string> data, CancellationToken cancellationToken = default);
    }
}
