using System;
using System.Threading;
using System.Threading.Tasks;
using DeepSynth.Compliance.Review;

namespace DeepSynth.Compliance.Audit
{
    /// <summary>Records of published content that is more than one text: a response object or a list of texts.</summary>
    public static class SynthesisAuditLogExtensions
    {
        /// <summary>
        /// Records the generation of every text <paramref name="value"/> holds (read as
        /// <see cref="ContentReviewerExtensions.EnsureAllTextAllowedAsync"/> reads it), as one record of the texts joined
        /// by line breaks: what was published, in the order the object holds it.
        /// </summary>
        /// <exception cref="ContentReviewIncompleteException">Part of <paramref name="value"/> could not be read.</exception>
        [SynthesisAuditor]
        public static Task<AuditRecord> RecordAllTextAsync(this ISynthesisAuditLog audit, object? value, GenerationRecord generation, CancellationToken cancellationToken = default)
        {
            if (audit is null)
            {
                throw new ArgumentNullException(nameof(audit));
            }

            return audit.RecordAsync(string.Join("\n", TextMembers.Of(value)), generation, cancellationToken);
        }
    }
}
