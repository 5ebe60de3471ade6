using System.Buffers.Binary;
using NAudio.Wave;
using SkiaSharp;

namespace DeepSynth.Compliance.Tests.Support;

/// <summary>Real media files made at test time by other encoders (Skia, NAudio), so the carriers meet files they did not write.</summary>
internal static class TestMedia
{
    public static byte[] Png(int width = 64, int height = 48, SKColor? color = null) => Encode(width, height, color ?? new SKColor(90, 120, 150), SKEncodedImageFormat.Png);

    public static byte[] Jpeg(int width = 64, int height = 48, SKColor? color = null) => Encode(width, height, color ?? new SKColor(90, 120, 150), SKEncodedImageFormat.Jpeg);

    /// <summary>A simple (VP8, no VP8X) lossy WebP, or a lossless VP8L one, encoded by Skia.</summary>
    public static byte[] Webp(int width = 64, int height = 48, bool lossless = false) => Encode(width, height, new SKColor(90, 120, 150), SKEncodedImageFormat.Webp, lossless ? 100 : 80);

    /// <summary>
    /// A FLAC stream built by hand: STREAMINFO (44.1 kHz, mono, 16 bit), optionally a PADDING block, then bytes standing
    /// in for the audio frames (enough to test what moves; not decodable).
    /// </summary>
    public static byte[] Flac(int padding = 0)
    {
        using var output = new MemoryStream();
        output.Write("fLaC"u8);
        var info = new byte[34];
        info[0] = 0x10; // min block size 4096
        info[2] = 0x10; // max block size 4096
        // sample rate 44100 (20 bits), channels-1 = 0 (3 bits), bits-1 = 15 (5 bits), 36-bit sample count 0.
        info[10] = 0x0A;
        info[11] = 0xC4;
        info[12] = 0x40;
        info[13] = 0xF0;
        output.WriteByte((byte)(padding > 0 ? 0x00 : 0x80));
        output.Write(new byte[] { 0, 0, 34 });
        output.Write(info);
        if (padding > 0)
        {
            output.WriteByte(0x81);
            output.Write(new[] { (byte)(padding >> 16), (byte)(padding >> 8), (byte)padding });
            output.Write(new byte[padding]);
        }

        output.Write(new byte[] { 0xFF, 0xF8 });
        output.Write(System.Text.Encoding.ASCII.GetBytes("FRAMES-STAND-IN"));
        return output.ToArray();
    }

    /// <summary>
    /// A 4x2 8-bit grayscale uncompressed TIFF built by hand (IFD0 with the baseline tags, one strip), little- or big-endian.
    /// </summary>
    public static byte[] Tiff(bool bigEndian = false)
    {
        var entries = new (ushort Tag, ushort Type, uint Value)[]
        {
            (256, 3, 4), (257, 3, 2), (258, 3, 8), (259, 3, 1), (262, 3, 1), (273, 4, 8), (277, 3, 1), (278, 3, 2), (279, 4, 8),
        };
        var file = new byte[8 + 8 + 2 + (12 * entries.Length) + 4];
        void U16(int at, ushort v) { if (bigEndian) { BinaryPrimitives.WriteUInt16BigEndian(file.AsSpan(at), v); } else { BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(at), v); } }
        void U32(int at, uint v) { if (bigEndian) { BinaryPrimitives.WriteUInt32BigEndian(file.AsSpan(at), v); } else { BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(at), v); } }
        file[0] = file[1] = (byte)(bigEndian ? 'M' : 'I');
        U16(2, 42);
        U32(4, 16);
        new byte[] { 0, 40, 80, 120, 160, 200, 240, 255 }.CopyTo(file, 8); // the strip
        U16(16, (ushort)entries.Length);
        for (var i = 0; i < entries.Length; i++)
        {
            var at = 18 + (12 * i);
            U16(at, entries[i].Tag);
            U16(at + 2, entries[i].Type);
            U32(at + 4, 1);
            if (entries[i].Type == 3)
            {
                U16(at + 8, (ushort)entries[i].Value);
            }
            else
            {
                U32(at + 8, entries[i].Value);
            }
        }

        return file;
    }

    /// <summary>The classic smallest GIF89a: 1x1, a two-colour global table, one LZW-coded pixel, optionally a comment.</summary>
    public static byte[] Gif(string? comment = null)
    {
        var bytes = new List<byte>();
        bytes.AddRange("GIF89a"u8.ToArray());
        bytes.AddRange(new byte[] { 1, 0, 1, 0, 0x80, 0, 0, 0, 0, 0, 0xFF, 0xFF, 0xFF });
        if (comment is not null)
        {
            var text = System.Text.Encoding.UTF8.GetBytes(comment);
            bytes.AddRange(new byte[] { 0x21, 0xFE });
            for (var i = 0; i < text.Length; i += 255)
            {
                var size = Math.Min(255, text.Length - i);
                bytes.Add((byte)size);
                bytes.AddRange(text.Skip(i).Take(size));
            }

            bytes.Add(0);
        }

        bytes.AddRange(new byte[] { 0x2C, 0, 0, 0, 0, 1, 0, 1, 0, 0, 0x02, 0x02, 0x44, 0x01, 0x00, 0x3B });
        return bytes.ToArray();
    }

    /// <summary>
    /// A skeleton AVI built by hand: hdrl (avih), optionally an INFO list (ISFT) and a JUNK chunk, movi with one frame
    /// chunk, idx1 pointing at it (offset relative to movi, as most writers do).
    /// </summary>
    public static byte[] Avi(bool info = true, int junk = 1016)
    {
        static byte[] Chunk(string id, byte[] data) => System.Text.Encoding.ASCII.GetBytes(id).Concat(BitConverter.GetBytes(data.Length)).Concat(data).Concat(new byte[data.Length & 1]).ToArray();
        static byte[] List(string type, params byte[][] chunks) => Chunk("LIST", System.Text.Encoding.ASCII.GetBytes(type).Concat(chunks.SelectMany(c => c)).ToArray());
        var parts = new List<byte[]> { List("hdrl", Chunk("avih", new byte[56])) };
        if (info)
        {
            parts.Add(List("INFO", Chunk("ISFT", "Tool\0"u8.ToArray())));
        }

        if (junk > 0)
        {
            parts.Add(Chunk("JUNK", new byte[junk]));
        }

        parts.Add(List("movi", Chunk("00dc", "FRAME-01"u8.ToArray())));
        parts.Add(Chunk("idx1", "00dc"u8.ToArray().Concat(BitConverter.GetBytes(16)).Concat(BitConverter.GetBytes(4)).Concat(BitConverter.GetBytes(8)).ToArray()));
        var body = "AVI "u8.ToArray().Concat(parts.SelectMany(p => p)).ToArray();
        return "RIFF"u8.ToArray().Concat(BitConverter.GetBytes(body.Length)).Concat(body).ToArray();
    }

    /// <summary>A PCM WAV (32 bits means IEEE float) with a 440 Hz tone, written by NAudio.</summary>
    public static byte[] Wav(int sampleRate = 16000, int channels = 1, double seconds = 0.5, int bits = 16)
    {
        using var buffer = new MemoryStream();
        var format = bits == 32 ? WaveFormat.CreateIeeeFloatWaveFormat(sampleRate, channels) : new WaveFormat(sampleRate, bits, channels);
        using (var writer = new WaveFileWriter(new IgnoreDisposeStream(buffer), format))
        {
            var frames = (int)(sampleRate * seconds);
            for (var i = 0; i < frames; i++)
            {
                var sample = (float)(0.3 * Math.Sin(2 * Math.PI * 440 * i / sampleRate));
                for (var c = 0; c < channels; c++)
                {
                    writer.WriteSample(sample);
                }
            }
        }

        return buffer.ToArray();
    }

    /// <summary>
    /// An MPEG-1 Layer III stream of silent 128 kbit/s 44.1 kHz frames (header FF FB 90 00, zero side information), the
    /// smallest MP3 every decoder accepts, optionally behind an ID3v2.3 tag with a title.
    /// </summary>
    public static byte[] Mp3(int frames = 40, string? id3Title = null)
    {
        using var output = new MemoryStream();
        if (id3Title is not null)
        {
            var title = System.Text.Encoding.Latin1.GetBytes(id3Title);
            var frame = new List<byte>();
            frame.AddRange("TIT2"u8.ToArray());
            var size = title.Length + 1;
            frame.AddRange(new[] { (byte)(size >> 24), (byte)(size >> 16), (byte)(size >> 8), (byte)size, (byte)0, (byte)0, (byte)0 });
            frame.AddRange(title);
            var tagSize = frame.Count + 64; // with padding
            output.Write("ID3"u8);
            output.Write(new byte[] { 3, 0, 0, (byte)((tagSize >> 21) & 0x7F), (byte)((tagSize >> 14) & 0x7F), (byte)((tagSize >> 7) & 0x7F), (byte)(tagSize & 0x7F) });
            output.Write(frame.ToArray());
            output.Write(new byte[64]);
        }

        for (var i = 0; i < frames; i++)
        {
            var frame = new byte[417];
            frame[0] = 0xFF;
            frame[1] = 0xFB;
            frame[2] = 0x90;
            frame[3] = 0x00;
            output.Write(frame);
        }

        return output.ToArray();
    }

    /// <summary>A Markdown document without front matter, with CRLF line ends a Windows editor leaves.</summary>
    public static byte[] Markdown() => System.Text.Encoding.UTF8.GetBytes("# 报告\r\n\r\nGenerated summary.\r\n");

    /// <summary>A minimal word-processing package written by the Open XML SDK (not by the SDK under test).</summary>
    public static byte[] Docx(string text = "Hello")
    {
        using var buffer = new MemoryStream();
        using (var document = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Create(buffer, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new DocumentFormat.OpenXml.Wordprocessing.Document(new DocumentFormat.OpenXml.Wordprocessing.Body(
                new DocumentFormat.OpenXml.Wordprocessing.Paragraph(new DocumentFormat.OpenXml.Wordprocessing.Run(new DocumentFormat.OpenXml.Wordprocessing.Text(text)))));
        }

        return buffer.ToArray();
    }

    private static byte[] Encode(int width, int height, SKColor color, SKEncodedImageFormat format, int quality = 90)
    {
        using var bitmap = new SKBitmap(width, height);
        bitmap.Erase(color);
        using var data = bitmap.Encode(format, quality);
        return data.ToArray();
    }

    private sealed class IgnoreDisposeStream(Stream inner) : Stream
    {
        public override bool CanRead => inner.CanRead;
        public override bool CanSeek => inner.CanSeek;
        public override bool CanWrite => inner.CanWrite;
        public override long Length => inner.Length;
        public override long Position { get => inner.Position; set => inner.Position = value; }
        public override void Flush() => inner.Flush();
        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);
        public override long Seek(long offset, SeekOrigin origin) => inner.Seek(offset, origin);
        public override void SetLength(long value) => inner.SetLength(value);
        public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);
    }
}
