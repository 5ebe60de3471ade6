using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;

namespace DeepSynth.Compliance.Audit
{
    /// <summary>Reads a checkpoint file (<c>{prefix}.checkpoints.jsonl</c>, one checkpoint per line) wherever it was copied to.</summary>
    public static class AuditCheckpointFile
    {
        /// <summary>The checkpoint file the writer keeps in a log folder for the log <paramref name="log"/>.</summary>
        public static string PathIn(string directory, string log = "audit") => AuditLogFiles.CheckpointFile(directory, log);

        /// <summary>Every checkpoint in the file that parses, oldest first (damaged lines are skipped; the verifier reports them).</summary>
        public static IReadOnlyList<AuditCheckpoint> Read(string path) =>
            ReadEntries(path).Entries.Where(e => e.Checkpoint is not null).Select(e => e.Checkpoint!).ToList();

        /// <summary>The checkpoint of <paramref name="size"/> records, or the latest when size is null.</summary>
        /// <exception cref="InvalidOperationException">There is none.</exception>
        public static AuditCheckpoint Find(string path, long? size)
        {
            var checkpoints = File.Exists(path) ? Read(path) : new List<AuditCheckpoint>();
            var found = size is null ? checkpoints.LastOrDefault() : checkpoints.LastOrDefault(c => c.Size == size);
            return found ?? throw new InvalidOperationException(
                size is null ? $"{path} holds no checkpoint. 没有检查点。" : $"{path} holds no checkpoint of {size} records. 没有该大小的检查点。");
        }

        /// <summary>The last complete checkpoint line of the file, read from its end; null when there is none or it does not parse.</summary>
        internal static AuditCheckpoint? ReadLast(string path)
        {
            if (!File.Exists(path))
            {
                return null;
            }

            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            var length = (int)Math.Min(stream.Length, 16 * 1024);
            var tail = new byte[length];
            stream.Seek(-length, SeekOrigin.End);
            var read = 0;
            while (read < length)
            {
                read += stream.Read(tail, read, length - read);
            }

            var text = Encoding.UTF8.GetString(tail);
            var end = text.LastIndexOf('\n');
            var start = end <= 0 ? -1 : text.LastIndexOf('\n', end - 1);
            if (end <= 0 || (start < 0 && length < stream.Length))
            {
                return null;
            }

            try
            {
                return AuditCheckpoint.Parse(text.Substring(start + 1, end - start - 1));
            }
            catch (FormatException)
            {
                return null;
            }
        }

        /// <summary>An unterminated tail that is a whole checkpoint plus one byte: its newline was overwritten, it was not torn.</summary>
        internal static bool IsCheckpointWithDamagedEnd(byte[] tail)
        {
            if (tail.Length < 2)
            {
                return false;
            }

            try
            {
                AuditCheckpoint.Parse(new UTF8Encoding(false, true).GetString(tail, 0, tail.Length - 1));
                return true;
            }
            catch (Exception ex) when (ex is FormatException or ArgumentException or DecoderFallbackException)
            {
                return false;
            }
        }

        internal static (List<CheckpointEntry> Entries, byte[] TornTail) ReadEntries(string path)
        {
            var (lines, torn) = AuditLogFiles.ReadLinesAt(path);
            var entries = new List<CheckpointEntry>();
            for (var i = 0; i < lines.Count; i++)
            {
                AuditCheckpoint? checkpoint = null;
                string? problem = null;
                try
                {
                    var text = new UTF8Encoding(false, true).GetString(lines[i].Bytes);
                    checkpoint = AuditCheckpoint.Parse(text);
                    if (checkpoint.ToJson() != text)
                    {
                        // Same meaning, other bytes (a spare base64 bit, spacing): still not the line the writer wrote.
                        problem = "the checkpoint line was changed (it is not in the form the writer writes)";
                        checkpoint = null;
                    }
                }
                catch (Exception ex) when (ex is FormatException or ArgumentException or DecoderFallbackException)
                {
                    problem = ex.Message;
                }

                entries.Add(new CheckpointEntry(path, i + 1, lines[i].Offset, checkpoint, problem));
            }

            return (entries, torn);
        }
    }

    internal sealed class CheckpointEntry
    {
        public CheckpointEntry(string file, int line, long offset, AuditCheckpoint? checkpoint, string? problem)
        {
            File = file;
            Line = line;
            Offset = offset;
            Checkpoint = checkpoint;
            Problem = problem;
        }

        public string File { get; }

        public int Line { get; }

        public long Offset { get; }

        public AuditCheckpoint? Checkpoint { get; }

        public string? Problem { get; }
    }
}
