using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;

namespace DeepSynth.Compliance.Audit
{
    /// <summary>
    /// Verifies one log (one file prefix): walks the hash chain record by record, growing the Merkle tree alongside, and
    /// compares it with each checkpoint when it reaches that checkpoint's size.
    /// </summary>
    internal sealed class AuditChainCheck
    {
        private readonly string _prefix;
        private readonly List<(string Path, DateTime Day)> _files;
        private readonly Queue<AuditCheckpoint> _pending;
        private readonly List<string> _notes;
        private readonly List<AuditChainBreak> _breaks;
        private readonly string _directory;
        private MerkleFrontier? _tree;
        private string _head = AuditLine.GenesisHash;

        public AuditChainCheck(string directory, string prefix, List<(string Path, DateTime Day)> files, List<AuditCheckpoint> checkpoints, List<string> notes, List<AuditChainBreak> breaks)
        {
            _directory = directory;
            _prefix = prefix;
            _files = files;
            _pending = new Queue<AuditCheckpoint>(checkpoints.OrderBy(c => c.Size));
            _notes = notes;
            _breaks = breaks;
        }

        public long RecordCount { get; private set; }

        public int CheckpointsMatched { get; private set; }

        /// <summary>The last record's hash when the chain verified; null when it broke.</summary>
        public string? Head { get; private set; }

        public void Run(CancellationToken cancellationToken)
        {
            var (expectedSequence, purgedFrontier) = ChainStart();
            _tree = purgedFrontier;
            if (expectedSequence > 1)
            {
                _notes.Add($"Records 1 to {expectedSequence - 1} were purged after their retention period.");
                var older = 0;
                while (_pending.Count > 0 && _pending.Peek().Size < expectedSequence - 1)
                {
                    _pending.Dequeue();
                    older++;
                }

                if (older > 0)
                {
                    _notes.Add($"{older} checkpoints of {_prefix} cover only purged records and were not compared.");
                }

                if (_tree is null && _pending.Count > 0)
                {
                    _notes.Add($"The retention purge of {_prefix} carries no Merkle frontier (written before checkpoints); {_pending.Count} checkpoints were not compared.");
                    _pending.Clear();
                }
            }

            if (!Walk(expectedSequence, cancellationToken))
            {
                if (_pending.Count > 0)
                {
                    _notes.Add($"{_pending.Count} checkpoints of {_prefix} reach past the break and were not compared.");
                }

                return;
            }

            Head = _head;
            foreach (var checkpoint in _pending)
            {
                // The chain is intact but shorter than a signed checkpoint says it was.
                var (file, line, offset) = End();
                _breaks.Add(new AuditChainBreak(AuditBreakKind.Truncated, file, line, offset, expectedSequence + RecordCount,
                    $"the checkpoint of {checkpoint.Timestamp:u} covers {checkpoint.Size} records, the log ends at record {expectedSequence - 1 + RecordCount}: records were cut off the end"));
            }
        }

        /// <returns>False when the chain broke (the break is recorded).</returns>
        private bool Walk(long expectedSequence, CancellationToken cancellationToken)
        {
            var expectedPrevious = _head;
            CompareCheckpoints();
            for (var f = 0; f < _files.Count; f++)
            {
                var path = _files[f].Path;
                var (lines, torn) = AuditLogFiles.ReadLinesAt(path);
                for (var i = 0; i < lines.Count; i++)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var (bytes, offset) = lines[i];
                    var record = AuditLine.Parse(bytes, out var problem);
                    if (record is null)
                    {
                        var kind = problem!.Contains("does not match its hash") ? AuditBreakKind.Edited : AuditBreakKind.Damaged;
                        return Break(kind, path, i + 1, offset, null, problem);
                    }

                    if (record.Sequence != expectedSequence)
                    {
                        return Break(SequenceBreak(record.Sequence, expectedSequence, f, i), path, i + 1, offset, record.Sequence,
                            record.Sequence > expectedSequence
                                ? $"expected record {expectedSequence}, found {record.Sequence}: {(AppearsLater(expectedSequence, f, i) ? "records are out of order" : "records are missing")}"
                                : $"expected record {expectedSequence}, found {record.Sequence}: records are duplicated or out of order");
                    }

                    if (!string.Equals(record.PreviousHash, expectedPrevious, StringComparison.Ordinal))
                    {
                        return Break(AuditBreakKind.Edited, path, i + 1, offset, record.Sequence, "the record does not link to the record before it (a record was removed, replaced or reordered)");
                    }

                    expectedSequence++;
                    expectedPrevious = record.Hash;
                    _head = record.Hash;
                    RecordCount++;
                    _tree?.Append(MerkleHash.Leaf(bytes));
                    CompareCheckpoints();
                }

                if (torn.Length > 0)
                {
                    var end = lines.Count == 0 ? 0 : lines[lines.Count - 1].Offset + lines[lines.Count - 1].Bytes.Length + 1;
                    if (f != _files.Count - 1)
                    {
                        return Break(AuditBreakKind.Damaged, path, lines.Count + 1, end, null, $"{torn.Length} bytes without a line end inside an older file");
                    }

                    if (AuditLine.IsRecordWithDamagedEnd(torn))
                    {
                        return Break(AuditBreakKind.Damaged, path, lines.Count + 1, end, expectedSequence, "a complete record whose line end was overwritten");
                    }

                    _notes.Add($"{Path.GetFileName(path)} ends with {torn.Length} bytes of a record whose write was interrupted; it was never committed and the writer removes it on its next start.");
                }
            }

            return true;
        }

        private void CompareCheckpoints()
        {
            while (_tree is not null && _pending.Count > 0 && _pending.Peek().Size <= _tree.Count)
            {
                var checkpoint = _pending.Dequeue();
                if (checkpoint.Size < _tree.Count)
                {
                    continue; // below where this walk started (sizes before a purge)
                }

                if (checkpoint.RootHash == Hex.Lower(_tree.Root()) && checkpoint.ChainHead == _head)
                {
                    CheckpointsMatched++;
                    continue;
                }

                var (file, line, offset) = End();
                _breaks.Add(new AuditChainBreak(AuditBreakKind.Rewritten, file, line, offset, checkpoint.Size,
                    $"records 1 to {checkpoint.Size} hash to a different Merkle root than the checkpoint of {checkpoint.Timestamp:u} signed: the log was rewritten up to here"));
            }
        }

        private bool Break(AuditBreakKind kind, string file, int line, long offset, long? sequence, string reason)
        {
            _breaks.Add(new AuditChainBreak(kind, file, line, offset, sequence, reason));
            return false;
        }

        private AuditBreakKind SequenceBreak(long found, long expected, int file, int line) =>
            found < expected ? AuditBreakKind.Inserted
            : AppearsLater(expected, file, line) ? AuditBreakKind.Reordered
            : AuditBreakKind.Removed;

        /// <summary>Whether the record <paramref name="sequence"/> is further on: then it was moved, not removed.</summary>
        private bool AppearsLater(long sequence, int fromFile, int fromLine)
        {
            for (var f = fromFile; f < _files.Count; f++)
            {
                var lines = AuditLogFiles.ReadLines(_files[f].Path).Lines;
                for (var i = f == fromFile ? fromLine + 1 : 0; i < lines.Count; i++)
                {
                    if (AuditLine.Parse(lines[i], out _) is { } record && record.Sequence == sequence)
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>Where the log currently ends: past the last line of the newest file.</summary>
        private (string File, int Line, long Offset) End()
        {
            if (_files.Count == 0)
            {
                return (AuditLogFiles.CheckpointFile(_directory, _prefix), 0, 0);
            }

            var path = _files[_files.Count - 1].Path;
            var (lines, torn) = AuditLogFiles.ReadLinesAt(path);
            return (path, lines.Count + 1, new FileInfo(path).Length - torn.Length);
        }

        /// <summary>Where the chain must start: record 1 after the genesis hash, or where the latest purge says it resumes.</summary>
        private (long Sequence, MerkleFrontier? Purged) ChainStart()
        {
            var first = _files.Count == 0 ? null : AuditLogFiles.ReadLines(_files[0].Path).Lines.FirstOrDefault();
            var firstRecord = first is null ? null : AuditLine.Parse(first, out _);
            if (_files.Count == 0 || (firstRecord is not null && firstRecord.Sequence == 1))
            {
                return (1, new MerkleFrontier());
            }

            (long Sequence, MerkleFrontier? Purged) start = (1, new MerkleFrontier());
            foreach (var file in _files)
            {
                foreach (var line in AuditLogFiles.ReadLines(file.Path).Lines)
                {
                    if (System.Text.Encoding.UTF8.GetString(line).IndexOf(HashChainedLog.PurgeMarker, StringComparison.Ordinal) < 0)
                    {
                        continue;
                    }

                    var record = AuditLine.Parse(line, out _);
                    if (record is not null && record.Type == HashChainedLog.PurgeType
                        && record.Data.TryGetValue("purgedThroughSeq", out var seq)
                        && record.Data.TryGetValue("purgedThroughHash", out var hash)
                        && long.TryParse(seq, NumberStyles.None, CultureInfo.InvariantCulture, out var through))
                    {
                        _head = hash;
                        start = (through + 1, PurgedFrontier(through, record));
                    }
                }
            }

            return start;
        }

        private static MerkleFrontier? PurgedFrontier(long through, AuditRecord purge)
        {
            if (!purge.Data.TryGetValue(AuditMerkleLog.PurgedFrontierField, out var text))
            {
                return null;
            }

            try
            {
                return AuditMerkleLog.ParseFrontier(through, text);
            }
            catch (FormatException)
            {
                return null;
            }
        }
    }
}
