namespace DeepSynth.Compliance.Tests.Support;

/// <summary>
/// Passes writes through, except that the chosen write stops halfway: the first half reaches the file, a marker goes
/// to stdout, and the thread blocks until the test kills the process. This puts a kill inside one exact write.
/// </summary>
internal sealed class StallingStream(Stream inner, Func<bool> stallThisWrite, string marker) : PassThroughStream(inner)
{
    public override void Write(byte[] buffer, int offset, int count)
    {
        if (!stallThisWrite())
        {
            base.Write(buffer, offset, count);
            return;
        }

        base.Write(buffer, offset, count / 2);
        base.Flush();
        Console.Out.WriteLine(marker);
        Console.Out.Flush();
        Thread.Sleep(Timeout.Infinite);
    }
}

/// <summary>A disk that fills up: writes beyond <see cref="FreeBytes"/> write what fits, then fail as ENOSPC does.</summary>
internal sealed class FullDiskStream(Stream inner, Func<long> freeBytes, Action<long> used) : PassThroughStream(inner)
{
    public override void Write(byte[] buffer, int offset, int count)
    {
        var free = freeBytes();
        if (count <= free)
        {
            base.Write(buffer, offset, count);
            used(count);
            return;
        }

        base.Write(buffer, offset, (int)free);
        used(free);
        throw new IOException("No space left on device");
    }
}

internal abstract class PassThroughStream(Stream inner) : Stream
{
    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => inner.Length;

    public override long Position { get => inner.Position; set => throw new NotSupportedException(); }

    public override void Flush() => inner.Flush();

    public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    // The wrapper never owns the file: the log disposes it.
    protected override void Dispose(bool disposing)
    {
    }
}

/// <summary>A shared free-space budget for the files of one log (records and checkpoints).</summary>
internal sealed class Disk
{
    public long FreeBytes { get; set; } = long.MaxValue;

    public Stream Wrap(Stream file) => new FullDiskStream(file, () => FreeBytes, n => FreeBytes -= n);
}
