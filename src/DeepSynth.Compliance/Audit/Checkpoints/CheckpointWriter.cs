using System;
using System.IO;
using System.Text;
using Microsoft.Extensions.Logging;

namespace DeepSynth.Compliance.Audit
{
    /// <summary>
    /// Signs checkpoints and appends them, one JSON line each, to the log folder's checkpoint file, to the copy folder (a
    /// mount of another host) and to the service's publisher. A checkpoint that cannot be written is logged and retried
    /// at the next one: the records it would cover are already committed, so the append that triggered it still succeeds.
    /// </summary>
    internal sealed class CheckpointWriter
    {
        private readonly AuditCheckpointSettings _settings;
        private readonly string _directory;
        private readonly string _prefix;
        private readonly ILogger _logger;

        public CheckpointWriter(AuditCheckpointSettings settings, string directory, string prefix, ILogger logger)
        {
            _settings = settings;
            _directory = directory;
            _prefix = prefix;
            _logger = logger;
        }

        public TimeSpan Interval => _settings.Interval;

        public AuditPublicKey PublicKey => _settings.Signer.PublicKey;

        public long LastSize { get; private set; } = -1;

        public DateTimeOffset LastTime { get; private set; } = DateTimeOffset.MinValue;

        /// <summary>Test seam: wraps the stream each checkpoint line is written through (to simulate a full disk).</summary>
        public Func<Stream, Stream> WrapWrites { get; set; } = s => s;

        /// <summary>Cuts off a checkpoint line torn by a crash, so the next one starts on a line of its own.</summary>
        public void RecoverTail()
        {
            foreach (var path in Targets())
            {
                if (!File.Exists(path))
                {
                    continue;
                }

                var (_, torn) = AuditLogFiles.ReadLinesAt(path);
                if (AuditCheckpointFile.IsCheckpointWithDamagedEnd(torn))
                {
                    // The checkpoint is whole and signed; only its newline is gone. Restore it rather than lose the checkpoint.
                    using var stream = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.None);
                    stream.Seek(-1, SeekOrigin.End);
                    stream.WriteByte((byte)'\n');
                    stream.Flush(true);
                    _logger.LogWarning("Audit checkpoints {File}: the last checkpoint's line end was damaged and was restored.", path);
                }
                else if (torn.Length > 0)
                {
                    using var stream = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.None);
                    stream.SetLength(stream.Length - torn.Length);
                    stream.Flush(true);
                    _logger.LogWarning("Audit checkpoints {File}: removed {Bytes} bytes of a checkpoint torn by an interrupted write.", path, torn.Length);
                }
            }
        }

        public AuditCheckpoint? Write(long size, byte[] root, string chainHead, DateTimeOffset now)
        {
            var checkpoint = AuditCheckpoint.Create(_prefix, size, root, chainHead, now, _settings.Signer);
            var line = Encoding.UTF8.GetBytes(checkpoint.ToJson() + "\n");
            var written = false;
            foreach (var path in Targets())
            {
                try
                {
                    Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                    using var file = DurableAppend.Open(path);
                    DurableAppend.Append(file, WrapWrites(file), line, true, out _);
                    written = true;
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    _logger.LogError(ex, "Audit checkpoint at record {Size} could not be written to {File}; the next checkpoint retries.", size, path);
                }
            }

            if (_settings.Published is { } publish)
            {
                try
                {
                    publish(checkpoint);
                    written = true;
                }
#pragma warning disable CA1031 // a publisher's failure must not fail the append that already committed its record
                catch (Exception ex)
#pragma warning restore CA1031
                {
                    _logger.LogError(ex, "Publishing the audit checkpoint at record {Size} failed.", size);
                }
            }

            if (!written)
            {
                return null;
            }

            LastSize = size;
            LastTime = now;
            return checkpoint;
        }

        private string[] Targets() => _settings.CopyDirectory is null
            ? new[] { AuditLogFiles.CheckpointFile(_directory, _prefix) }
            : new[] { AuditLogFiles.CheckpointFile(_directory, _prefix), AuditLogFiles.CheckpointFile(Path.GetFullPath(_settings.CopyDirectory), _prefix) };
    }

    /// <summary>How a log checkpoints: the resolved form of the checkpoint options.</summary>
    internal sealed class AuditCheckpointSettings
    {
        public AuditCheckpointSettings(AuditCheckpointSigner signer, TimeSpan interval, string? copyDirectory, Action<AuditCheckpoint>? published)
        {
            Signer = signer;
            Interval = interval;
            CopyDirectory = copyDirectory;
            Published = published;
        }

        public AuditCheckpointSigner Signer { get; }

        public TimeSpan Interval { get; }

        public string? CopyDirectory { get; }

        public Action<AuditCheckpoint>? Published { get; }
    }
}
