using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace DeepSynth.Compliance.Audit
{
    /// <summary>
    /// An append-only, SHA-256 hash-chained JSON Lines log in daily files. One writer per folder (enforced with a lock
    /// file); appends from many threads are serialised. A record counts as committed once the append returns: its line
    /// was written with one write call and flushed to disk. A crash can only tear the line being written, which the next
    /// writer cuts off before appending, so committed records and the chain survive. With a checkpoint signer it also keeps
    /// the RFC 6962 Merkle frontier of all records and writes signed checkpoints at an interval, on rotation and on
    /// disposal.
    /// </summary>
    internal sealed partial class HashChainedLog : IDisposable
    {
        internal const string PurgeType = "retention-purge";

        /// <summary>How a purge record's line starts its type field: found without parsing every line.</summary>
        internal const string PurgeMarker = "\"type\":\"" + PurgeType + "\"";

        private readonly string _directory;
        private readonly string _prefix;
        private readonly int _retentionDays;
        private readonly bool _flushToDisk;
        private readonly TimeProvider _time;
        private readonly ILogger _logger;
        private readonly SemaphoreSlim _gate = new SemaphoreSlim(1, 1);
        private FileStream? _lock;
        private FileStream? _file;
        private string? _fileName;
        private long _sequence;
        private string _lastHash = AuditLine.GenesisHash;
        private readonly CheckpointWriter? _checkpoints;
        private MerkleFrontier? _frontier;
        private ITimer? _checkpointTimer;
        private bool _disposed;
        private bool _needsRecovery = true;

        public HashChainedLog(string directory, string prefix, int retentionDays, bool flushToDisk, TimeProvider time, ILogger logger, AuditCheckpointSettings? checkpoints = null)
        {
            _directory = Path.GetFullPath(directory);
            _prefix = prefix;
            _retentionDays = retentionDays;
            _flushToDisk = flushToDisk;
            _time = time;
            _logger = logger;
            _checkpoints = checkpoints is null ? null : new CheckpointWriter(checkpoints, _directory, prefix, logger);
        }

        /// <summary>Test seam: wraps the stream each record is written through (to simulate a full disk).</summary>
        internal Func<Stream, Stream> WrapWrites { get; set; } = s => s;

        /// <summary>How many records the last recovery read to rebuild the Merkle tree (tests check the resume).</summary>
        internal long RecordsReadForMerkleTree { get; private set; }

        /// <summary>The checkpoint writer, when checkpoints are on (tests reach its seam through this).</summary>
        internal CheckpointWriter? Checkpoints => _checkpoints;

        public Task<AuditRecord> AppendAsync(string type, string? subject, IReadOnlyDictionary<string, string> data, CancellationToken cancellationToken) =>
            WithOpenLogAsync(
                now =>
                {
                    var record = Write(now, type, subject, data);
                    if (_checkpoints is not null && now - _checkpoints.LastTime >= _checkpoints.Interval)
                    {
                        Checkpoint(now);
                    }

                    return record;
                },
                cancellationToken);

        /// <summary>Signs and writes a checkpoint of every record so far; null when checkpoints are off or nothing is new.</summary>
        public Task<AuditCheckpoint?> CheckpointAsync(CancellationToken cancellationToken) => WithOpenLogAsync(Checkpoint, cancellationToken);

        public void Dispose()
        {
            _checkpointTimer?.Dispose();
            _gate.Wait();
            try
            {
                if (!_disposed && _file is not null)
                {
                    Checkpoint(_time.GetUtcNow());
                }

                _disposed = true;
                _file?.Dispose();
                _lock?.Dispose();
                _file = null;
                _lock = null;
            }
            finally
            {
                _gate.Release();
            }
        }

        /// <summary>Runs <paramref name="action"/> alone, with the file for the current day open and recovered.</summary>
        private async Task<T> WithOpenLogAsync<T>(Func<DateTimeOffset, T> action, CancellationToken cancellationToken)
        {
            await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                if (_disposed)
                {
                    throw new ObjectDisposedException(nameof(HashChainedLog));
                }

                // Past this point the call is not cancelled: a record half-decided is worse than a late one.
                var now = _time.GetUtcNow();
                OpenFor(now);
                return action(now);
            }
            finally
            {
                _gate.Release();
            }
        }

        private AuditRecord Write(DateTimeOffset now, string type, string? subject, IReadOnlyDictionary<string, string> data)
        {
            var (line, record) = AuditLine.Create(_sequence + 1, now, type, subject, data, _lastHash);
            var tailUnknown = false;
            try
            {
                // A failed write (disk full, I/O error) leaves no partial line for the next record to chain onto.
                DurableAppend.Append(_file!, WrapWrites(_file!), line, _flushToDisk, out tailUnknown);
            }
            catch when (tailUnknown)
            {
                // Even cutting back failed: reopening repairs the tail before the next record.
                CloseFile();
                _needsRecovery = true;
                throw;
            }

            _sequence = record.Sequence;
            _lastHash = record.Hash;
            _frontier?.Append(MerkleHash.Leaf(AuditPublicKey.Slice(line, 0, line.Length - 1)));
            return record;
        }

        private void OpenFor(DateTimeOffset now)
        {
            var name = AuditLogFiles.NameFor(_prefix, now);
            if (_file is not null && name == _fileName)
            {
                return;
            }

            if (_file is not null)
            {
                Checkpoint(now); // rotation: the day's file ends with a signed statement of everything up to here
            }

            if (_lock is null)
            {
                Directory.CreateDirectory(_directory);
                try
                {
                    _lock = new FileStream(Path.Combine(_directory, "." + _prefix + ".lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                }
                catch (IOException ex)
                {
                    throw new IOException($"Another process is writing the audit log in {_directory}; one writer per folder keeps the hash chain linear.", ex);
                }
            }

            if (_needsRecovery)
            {
                CloseFile();
                RecoverTail();
                RecoverMerkleFrontier();
                _needsRecovery = false;
            }

            CloseFile();
            _file = DurableAppend.Open(Path.Combine(_directory, name));
            _fileName = name;
            Purge(now);
        }

        /// <summary>Finds the chain's head and cuts off a record torn by a crash.</summary>
        private void RecoverTail()
        {
            var files = AuditLogFiles.Find(_directory, _prefix);
            for (var i = files.Count - 1; i >= 0; i--)
            {
                var (lines, torn) = AuditLogFiles.ReadLines(files[i].Path);
                if (torn > 0)
                {
                    CutTornTail(files[i].Path);
                }

                if (lines.Count == 0)
                {
                    continue;
                }

                var last = AuditLine.Parse(lines[lines.Count - 1], out var problem);
                if (last is null)
                {
                    // Never repair a committed record: that would hide tampering. Refuse to extend a broken chain.
                    throw new InvalidDataException($"The last record of {files[i].Path} is damaged ({problem}); run 'deepsynth audit verify' and investigate before writing more records.");
                }

                _sequence = last.Sequence;
                _lastHash = last.Hash;
                return;
            }
        }

        private void CutTornTail(string path)
        {
            var (_, tail) = AuditLogFiles.ReadLinesAt(path);
            if (AuditLine.IsRecordWithDamagedEnd(tail))
            {
                // A whole record whose newline was overwritten is a committed record, not a torn write: keep it and stop.
                throw new InvalidDataException($"The last record of {path} is complete but its line end is damaged; run 'deepsynth audit verify' and investigate before writing more records. 最后一条记录的行尾被破坏。");
            }

            using var stream = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.None);
            stream.SetLength(stream.Length - tail.Length);
            stream.Flush(true);
            _logger.LogWarning("Audit log {File}: removed {Bytes} bytes of a record torn by an interrupted write; committed records are intact.", path, tail.Length);
        }

        /// <summary>Deletes daily files past retention and records what went, so the verifier can tell purge from removal.</summary>
        private void Purge(DateTimeOffset now)
        {
            var cutoff = now.UtcDateTime.Date.AddDays(-_retentionDays);
            var expired = AuditLogFiles.Find(_directory, _prefix).Where(f => f.Day < cutoff).ToList();
            if (expired.Count == 0)
            {
                return;
            }

            var (lines, _) = AuditLogFiles.ReadLines(expired[expired.Count - 1].Path);
            var last = lines.Count == 0 ? null : AuditLine.Parse(lines[lines.Count - 1], out _);
            if (last is null)
            {
                _logger.LogError("Audit log files past retention were kept: the last expired file {File} has no valid final record.", expired[expired.Count - 1].Path);
                return;
            }

            var purge = new Dictionary<string, string>
            {
                ["purgedThroughSeq"] = last.Sequence.ToString(CultureInfo.InvariantCulture),
                ["purgedThroughHash"] = last.Hash,
                ["files"] = string.Join(",", expired.Select(f => Path.GetFileName(f.Path))),
                ["retentionDays"] = _retentionDays.ToString(CultureInfo.InvariantCulture),
            };
            if (_frontier is not null)
            {
                // The purged records' Merkle frontier keeps every retained record provable once they are gone.
                try
                {
                    purge[AuditMerkleLog.PurgedFrontierField] = AuditMerkleLog.FormatFrontier(PurgedFrontier(expired, last.Sequence));
                }
                catch (Exception ex) when (ex is InvalidDataException or FormatException)
                {
                    // Keeping files past retention is lawful (it is a minimum); losing provability is not necessary.
                    _logger.LogError(ex, "Audit log files past retention were kept: their Merkle frontier cannot be computed.");
                    return;
                }
            }

            Write(now, PurgeType, null, purge);
            foreach (var file in expired)
            {
                File.Delete(file.Path);
            }

            _logger.LogInformation("Audit log: deleted {Count} daily files older than {Days} days.", expired.Count, _retentionDays);
        }

        private void CloseFile()
        {
            _file?.Dispose();
            _file = null;
            _fileName = null;
        }
    }
}
