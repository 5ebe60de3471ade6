using System;
using System.IO;

namespace DeepSynth.Compliance.Audit
{
    /// <summary>
    /// Appends one line to a file all or nothing: one write, then a flush to disk; when the write fails (disk full, I/O
    /// error) the file is cut back to where it was, so no partial line is left for the next line to follow.
    /// </summary>
    internal static class DurableAppend
    {
        /// <summary>Opens a file for appending lines, unbuffered so a failed write leaves nothing pending in memory.</summary>
        public static FileStream Open(string path) => new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read, 1, FileOptions.None);

        /// <param name="file">The file appended to.</param>
        /// <param name="target">Where the bytes are written: <paramref name="file"/> itself, or a test's wrapper around it.</param>
        /// <param name="line">The line, with its newline.</param>
        /// <param name="flushToDisk">Force the line to disk (fsync) before returning.</param>
        /// <param name="tailUnknown">Set when the write failed and cutting the file back failed too: reopen and repair the tail.</param>
        /// <exception cref="IOException">The write failed; unless <paramref name="tailUnknown"/>, the file is as it was before.</exception>
        public static void Append(FileStream file, Stream target, byte[] line, bool flushToDisk, out bool tailUnknown)
        {
            tailUnknown = false;
            var before = file.Length;
            try
            {
                target.Write(line, 0, line.Length);
                target.Flush();
                file.Flush(flushToDisk);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException)
            {
                try
                {
                    file.SetLength(before);
                    file.Flush(flushToDisk);
                }
                catch (IOException)
                {
                    tailUnknown = true;
                }

                throw;
            }
        }
    }
}
