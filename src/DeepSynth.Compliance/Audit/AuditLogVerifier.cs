using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;

namespace DeepSynth.Compliance.Audit
{
    /// <summary>
    /// Checks an audit log folder: every record's hash, every link to the previous record, and the sequence numbers, so
    /// edited, removed, inserted and reordered records are found. Files deleted by retention are accepted only as the
    /// writer's own purge record describes them. Against signed checkpoints it also finds records cut off the end and
    /// logs rewritten wholesale, and says which of these it found and where.
    /// </summary>
    public static class AuditLogVerifier
    {
        public static AuditVerificationResult Verify(string directory, CancellationToken cancellationToken = default) =>
            Verify(directory, null, cancellationToken);

        public static AuditVerificationResult Verify(string directory, AuditVerificationOptions? options, CancellationToken cancellationToken = default)
        {
            if (!Directory.Exists(directory))
            {
                throw new DirectoryNotFoundException($"The audit log folder '{directory}' does not exist. 审计日志目录不存在。");
            }

            options ??= new AuditVerificationOptions();
            var allFiles = new List<string>();
            var notes = new List<string>();
            var breaks = new List<AuditChainBreak>();
            var heads = new Dictionary<string, string>(StringComparer.Ordinal);
            var checkpoints = ReadCheckpoints(directory, options, breaks, notes);
            var logs = AuditLogFiles.Find(directory);
            long count = 0;
            var matched = 0;
            foreach (var prefix in logs.Keys.Union(checkpoints.Select(c => c.Log)).Distinct().OrderBy(p => p, StringComparer.Ordinal))
            {
                var files = logs.TryGetValue(prefix, out var found) ? found : new List<(string Path, DateTime Day)>();
                allFiles.AddRange(files.Select(f => f.Path));
                var check = new AuditChainCheck(directory, prefix, files, checkpoints.Where(c => c.Log == prefix).ToList(), notes, breaks);
                check.Run(cancellationToken);
                count += check.RecordCount;
                matched += check.CheckpointsMatched;
                if (check.Head is { } head)
                {
                    heads[prefix] = head;
                }
            }

            if (allFiles.Count == 0)
            {
                notes.Add("No audit log files were found.");
            }

            return new AuditVerificationResult(count, allFiles, breaks, notes, heads, matched);
        }

        /// <summary>The checkpoints that are well-formed and signed by the trusted key; every other one is a break.</summary>
        private static List<AuditCheckpoint> ReadCheckpoints(string directory, AuditVerificationOptions options, List<AuditChainBreak> breaks, List<string> notes)
        {
            var paths = Directory.EnumerateFiles(directory, "*.checkpoints.jsonl").OrderBy(p => p, StringComparer.Ordinal).Concat(options.CheckpointFiles);
            var valid = new List<AuditCheckpoint>();
            foreach (var path in paths)
            {
                if (!File.Exists(path))
                {
                    breaks.Add(new AuditChainBreak(AuditBreakKind.BadCheckpoint, path, 0, 0, null, "the checkpoint file does not exist"));
                    continue;
                }

                var (entries, torn) = AuditCheckpointFile.ReadEntries(path);
                foreach (var entry in entries)
                {
                    var checkpoint = entry.Checkpoint;
                    var problem = entry.Problem
                        ?? (options.TrustedKey is { } trusted && !checkpoint!.Key.Equals(trusted) ? $"signed by key {checkpoint.Key.KeyId}, not by the trusted key {trusted.KeyId}"
                        : !checkpoint!.IsSignedBy(checkpoint.Key) ? "the signature does not match the checkpoint (it was edited or forged)"
                        : null);
                    if (problem is null)
                    {
                        valid.Add(checkpoint!);
                    }
                    else
                    {
                        breaks.Add(new AuditChainBreak(AuditBreakKind.BadCheckpoint, path, entry.Line, entry.Offset, checkpoint?.Size, problem));
                    }
                }

                if (AuditCheckpointFile.IsCheckpointWithDamagedEnd(torn))
                {
                    var end = new FileInfo(path).Length - torn.Length;
                    breaks.Add(new AuditChainBreak(AuditBreakKind.BadCheckpoint, path, entries.Count + 1, end, null, "a complete checkpoint whose line end was overwritten"));
                }
                else if (torn.Length > 0)
                {
                    notes.Add($"{Path.GetFileName(path)} ends with {torn.Length} bytes of a checkpoint whose write was interrupted; the writer removes it on its next start.");
                }
            }

            if (options.TrustedKey is null && valid.Count > 0)
            {
                notes.Add("Checkpoint signatures were checked against the key each checkpoint names; pass the published public key to pin it.");
            }

            return valid;
        }
    }
}
