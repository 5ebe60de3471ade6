using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;

namespace DeepSynth.Compliance.Audit
{
    /// <summary>
    /// Checks an audit log folder: every record's hash, every link to the previous record, and the sequence numbers, so
    /// edited, removed, inserted and reordered records are found. Files deleted by retention are accepted only as the
    /// writer's own purge record describes them.
    /// </summary>
    public static class AuditLogVerifier
    {
        private const string PurgeMarker = "\"type\":\"" + HashChainedLog.PurgeType + "\"";

        public static AuditVerificationResult Verify(string directory, CancellationToken cancellationToken = default)
        {
            if (!Directory.Exists(directory))
            {
                throw new DirectoryNotFoundException($"The audit log folder '{directory}' does not exist.");
            }

            var allFiles = new List<string>();
            var notes = new List<string>();
            var heads = new Dictionary<string, string>(StringComparer.Ordinal);
            long count = 0;
            foreach (var log in AuditLogFiles.Find(directory))
            {
                var files = log.Value;
                allFiles.AddRange(files.Select(f => f.Path));
                var chainBreak = VerifyChain(files, notes, ref count, out var head, cancellationToken);
                if (chainBreak is not null)
                {
                    return new AuditVerificationResult(count, allFiles, chainBreak, notes, heads);
                }

                heads[log.Key] = head;
            }

            if (allFiles.Count == 0)
            {
                notes.Add("No audit log files were found.");
            }

            return new AuditVerificationResult(count, allFiles, null, notes, heads);
        }

        private static AuditChainBreak? VerifyChain(List<(string Path, DateTime Day)> files, List<string> notes, ref long count, out string head, CancellationToken cancellationToken)
        {
            var (expectedSequence, expectedPrevious) = ChainStart(files);
            if (expectedSequence > 1)
            {
                notes.Add($"Records 1 to {expectedSequence - 1} were purged after their retention period.");
            }

            head = expectedPrevious;
            for (var f = 0; f < files.Count; f++)
            {
                var path = files[f].Path;
                var (lines, torn) = AuditLogFiles.ReadLines(path);
                for (var i = 0; i < lines.Count; i++)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var record = AuditLine.Parse(lines[i], out var problem);
                    if (record is null)
                    {
                        return new AuditChainBreak(path, i + 1, null, problem!);
                    }

                    if (record.Sequence != expectedSequence)
                    {
                        var reason = record.Sequence > expectedSequence
                            ? $"expected record {expectedSequence}, found {record.Sequence}: records are missing or out of order"
                            : $"expected record {expectedSequence}, found {record.Sequence}: records are duplicated or out of order";
                        return new AuditChainBreak(path, i + 1, record.Sequence, reason);
                    }

                    if (!string.Equals(record.PreviousHash, expectedPrevious, StringComparison.Ordinal))
                    {
                        return new AuditChainBreak(path, i + 1, record.Sequence, "the record does not link to the record before it (a record was removed, replaced or reordered)");
                    }

                    expectedSequence++;
                    expectedPrevious = record.Hash;
                    count++;
                }

                if (torn > 0)
                {
                    if (f != files.Count - 1)
                    {
                        return new AuditChainBreak(path, lines.Count + 1, null, $"{torn} bytes without a line end inside an older file");
                    }

                    notes.Add($"{Path.GetFileName(path)} ends with {torn} bytes of a record whose write was interrupted; it was never committed and the writer removes it on its next start.");
                }
            }

            head = expectedPrevious;
            return null;
        }

        /// <summary>Where the chain must start: record 1 after the genesis hash, or where the latest purge says it resumes.</summary>
        private static (long Sequence, string Previous) ChainStart(List<(string Path, DateTime Day)> files)
        {
            (long, string) start = (1, AuditLine.GenesisHash);
            foreach (var file in files)
            {
                foreach (var line in AuditLogFiles.ReadLines(file.Path).Lines)
                {
                    if (System.Text.Encoding.UTF8.GetString(line).IndexOf(PurgeMarker, StringComparison.Ordinal) < 0)
                    {
                        continue;
                    }

                    var record = AuditLine.Parse(line, out _);
                    if (record is not null && record.Type == HashChainedLog.PurgeType
                        && record.Data.TryGetValue("purgedThroughSeq", out var seq)
                        && record.Data.TryGetValue("purgedThroughHash", out var hash)
                        && long.TryParse(seq, NumberStyles.None, CultureInfo.InvariantCulture, out var through))
                    {
                        start = (through + 1, hash);
                    }
                }
            }

            // A purge record is itself in the chain; if the first retained record still follows the genesis, nothing was purged.
            var first = files.Count == 0 ? null : AuditLogFiles.ReadLines(files[0].Path).Lines.FirstOrDefault();
            var firstRecord = first is null ? null : AuditLine.Parse(first, out _);
            return firstRecord is not null && firstRecord.Sequence == 1 ? (1, AuditLine.GenesisHash) : start;
        }
    }
}
