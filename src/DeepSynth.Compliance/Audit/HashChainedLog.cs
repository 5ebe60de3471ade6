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
    /// writer cuts off before appending, so committed records and the chain survive.
    /// </summary>
    internal sealed class HashChainedLog : IDisposable
    {
        internal const string PurgeType = "retention-purge";
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
        private bool _disposed;
        private bool _needsRecovery = true;

        public HashChainedLog(string directory, string prefix, int retentionDays, bool flushToDisk, TimeProvider time, ILogger logger)
        {
            _directory = Path.GetFullPath(directory);
            _prefix = prefix;
            _retentionDays = retentionDays;
            _flushToDisk = flushToDisk;
            _time = time;
            _logger = logger;
        }

        public async Task<AuditRecord> AppendAsync(string type, string? subject, IReadOnlyDictionary<string, string> data, CancellationToken cancellationToken)
        {
            await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                if (_disposed)
                {
                    throw new ObjectDisposedException(nameof(HashChainedLog));
                }

                // Past this point the append is not cancelled: a record half-decided is worse than a late one.
                var now = _time.GetUtcNow();
                OpenFor(now);
                return Write(now, type, subject, data);
            }
            finally
            {
                _gate.Release();
            }
        }

        public void Dispose()
        {
            _gate.Wait();
            try
            {
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

        private AuditRecord Write(DateTimeOffset now, string type, string? subject, IReadOnlyDictionary<string, string> data)
        {
            var (line, record) = AuditLine.Create(_sequence + 1, now, type, subject, data, _lastHash);
            var file = _file!;
            var before = file.Length;
            try
            {
                file.Write(line, 0, line.Length);
                file.Flush(_flushToDisk);
            }
            catch
            {
                // Leave no partial line behind a failed write (disk full, I/O error), or the next record would chain
                // onto garbage. If even that fails, reopening repairs the tail.
                try
                {
                    file.SetLength(before);
                }
                catch (IOException)
                {
                    CloseFile();
                    _needsRecovery = true;
                }

                throw;
            }

            _sequence = record.Sequence;
            _lastHash = record.Hash;
            return record;
        }

        private void OpenFor(DateTimeOffset now)
        {
            var name = AuditLogFiles.NameFor(_prefix, now);
            if (_file is not null && name == _fileName)
            {
                return;
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
                _needsRecovery = false;
            }

            CloseFile();
            _file = new FileStream(Path.Combine(_directory, name), FileMode.Append, FileAccess.Write, FileShare.Read, 4096, FileOptions.None);
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
                    using var stream = new FileStream(files[i].Path, FileMode.Open, FileAccess.Write, FileShare.None);
                    stream.SetLength(stream.Length - torn);
                    stream.Flush(true);
                    _logger.LogWarning("Audit log {File}: removed {Bytes} bytes of a record torn by an interrupted write; committed records are intact.", files[i].Path, torn);
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

            Write(now, PurgeType, null, new Dictionary<string, string>
            {
                ["purgedThroughSeq"] = last.Sequence.ToString(CultureInfo.InvariantCulture),
                ["purgedThroughHash"] = last.Hash,
                ["files"] = string.Join(",", expired.Select(f => Path.GetFileName(f.Path))),
                ["retentionDays"] = _retentionDays.ToString(CultureInfo.InvariantCulture),
            });
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
