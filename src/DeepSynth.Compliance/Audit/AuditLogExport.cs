using System;
using System.IO;
using System.Text;
using System.Threading;

namespace DeepSynth.Compliance.Audit
{
    /// <summary>Which records an export selects; every condition left null matches all.</summary>
    public sealed class AuditExportQuery
    {
        /// <summary>A user's pseudonym (<see cref="SynthesisAuditLog.PseudonymOf"/> or <see cref="UserPseudonymizer"/>); never a raw user id.</summary>
        public string? Subject { get; set; }

        /// <summary>Records at or after this time.</summary>
        public DateTimeOffset? From { get; set; }

        /// <summary>Records before this time.</summary>
        public DateTimeOffset? To { get; set; }

        /// <summary>One record type ("generation", "review", ...).</summary>
        public string? Type { get; set; }

        /// <summary>The log's file prefix. Default "audit".</summary>
        public string Log { get; set; } = "audit";
    }

    /// <summary>
    /// Exports records as JSON Lines: each selected record's line exactly as the log holds it (users as pseudonyms,
    /// content as a hash), so every exported line still checks against its own hash and can be proven with an inclusion
    /// proof by its "seq".
    /// </summary>
    public static class AuditLogExport
    {
        /// <returns>The number of records written.</returns>
        /// <exception cref="InvalidDataException">A record in the selected period is damaged (the export would be incomplete).</exception>
        public static long Export(string directory, AuditExportQuery query, TextWriter output, CancellationToken cancellationToken = default)
        {
            if (query is null)
            {
                throw new ArgumentNullException(nameof(query));
            }

            long written = 0;
            foreach (var file in AuditLogFiles.Find(directory, query.Log))
            {
                // A daily file holds the records of one UTC day: skip whole days outside the period.
                if ((query.From is { } from && file.Day.AddDays(1) <= from.UtcDateTime) || (query.To is { } to && file.Day >= to.UtcDateTime))
                {
                    continue;
                }

                foreach (var (bytes, offset) in AuditLogFiles.ReadLinesAt(file.Path).Lines)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var record = AuditLine.Parse(bytes, out var problem)
                        ?? throw new InvalidDataException($"{file.Path} at byte {offset}: {problem}; run 'deepsynth audit verify'. 记录损坏，导出不完整。");
                    if (Matches(record, query))
                    {
                        output.Write(Encoding.UTF8.GetString(bytes));
                        output.Write('\n');
                        written++;
                    }
                }
            }

            return written;
        }

        private static bool Matches(AuditRecord record, AuditExportQuery query) =>
            (query.Subject is null || string.Equals(record.Subject, query.Subject, StringComparison.Ordinal))
            && (query.Type is null || string.Equals(record.Type, query.Type, StringComparison.Ordinal))
            && (query.From is null || record.Timestamp >= query.From)
            && (query.To is null || record.Timestamp < query.To);
    }
}
