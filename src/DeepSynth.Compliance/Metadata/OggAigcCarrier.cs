using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;

namespace DeepSynth.Compliance.Metadata
{
    /// <summary>
    /// AIGC metadata in Ogg Vorbis and Ogg Opus as the comment <c>AIGC=...</c> in the comment header (TC260-PG-202510A).
    /// The first page (the identification header) and every audio page keep their bytes; the comment (and Vorbis setup)
    /// header pages are rebuilt, and when their number changes the later pages get new sequence numbers and CRCs. Single
    /// logical streams only; other Ogg codecs are refused.
    /// </summary>
    public sealed class OggAigcCarrier : IAigcMetadataCarrier
    {
        public MediaFormat Format => MediaFormat.Ogg;

        /// <inheritdoc />
        public AigcMetadata? Read(byte[] file) => AigcLabelSites.Preferred(FindSites(file));

        /// <inheritdoc />
        public IReadOnlyList<AigcLabelSite> FindSites(byte[] file)
        {
            var stream = Open(file);
            return VorbisComments.Sites(stream.Comments.Comments, stream.Codec.Name + " comment header").ToList();
        }

        /// <inheritdoc />
        [AigcLabeler]
        public byte[] Embed(byte[] file, AigcMetadata metadata)
        {
            var stream = Open(file);
            var effective = AigcLabelSites.Effective(this, file, metadata);
            var packet = stream.Headers[1];
            var prefix = stream.Codec.CommentPrefix.Length;
            var trailing = packet.AsSpan(stream.Comments.End).ToArray(); // Vorbis framing bit, Opus padding
            var comment = packet.AsSpan(0, prefix).ToArray()
                .Concat(VorbisComments.Build(stream.Comments.Vendor, VorbisComments.WithLabel(stream.Comments.Comments, effective.ToPayloadJson())))
                .Concat(trailing)
                .ToArray();
            var headers = new List<byte[]> { comment };
            headers.AddRange(stream.Headers.Skip(2));
            var rebuilt = OggPages.Paginate(headers, stream.Pages[0].Serial, stream.Pages[0].Sequence + 1);
            var shift = rebuilt.Count - (stream.HeaderPages - 1);
            using var output = new MemoryStream(file.Length + (shift * 64) + 512);
            output.Write(file, 0, stream.Pages[0].Length);
            foreach (var page in rebuilt)
            {
                output.Write(page, 0, page.Length);
            }

            foreach (var page in stream.Pages.Skip(stream.HeaderPages))
            {
                var bytes = shift == 0 ? file.AsSpan(page.Offset, page.Length).ToArray() : OggPages.Renumber(file, page, (uint)(page.Sequence + shift));
                output.Write(bytes, 0, bytes.Length);
            }

            return output.ToArray();
        }

        private static OggStream Open(byte[] file)
        {
            if (file is null)
            {
                throw new ArgumentNullException(nameof(file));
            }

            if (MediaFormatDetector.Detect(file) != MediaFormat.Ogg)
            {
                throw new AigcMetadataException("Not an Ogg file: it does not start with OggS.");
            }

            var pages = OggPages.Read(file);
            if (pages.Any(p => p.Serial != pages[0].Serial))
            {
                throw new AigcMetadataException("The Ogg file multiplexes several logical streams; only single Vorbis or Opus streams are supported.");
            }

            var first = OggPages.HeaderPackets(file, pages, 1);
            var codec = first is { } f ? OggCodec.Of(f.Packets[0]) : null;
            if (codec is null || first!.Value.Pages != 1)
            {
                throw new AigcMetadataException("The Ogg stream is neither Vorbis nor Opus (or its identification header does not sit alone on the first page).");
            }

            var headers = OggPages.HeaderPackets(file, pages, codec.HeaderCount)
                ?? throw new AigcMetadataException($"Corrupt Ogg: the {codec.Name} headers do not end a page.");
            var packet = headers.Packets[1];
            if (!packet.AsSpan().StartsWith(codec.CommentPrefix))
            {
                throw new AigcMetadataException($"Corrupt Ogg: the second {codec.Name} packet is not the comment header.");
            }

            var comments = VorbisComments.Parse(packet, codec.CommentPrefix.Length, packet.Length, "Ogg " + codec.Name);
            return new OggStream(pages, headers.Packets, headers.Pages, codec, (comments.Vendor, comments.Comments, comments.End));
        }

        private sealed class OggCodec
        {
            private static readonly OggCodec Vorbis = new OggCodec("Ogg Vorbis", Encoding.ASCII.GetBytes("\u0001vorbis"), Encoding.ASCII.GetBytes("\u0003vorbis"), 3);
            private static readonly OggCodec Opus = new OggCodec("Ogg Opus", Encoding.ASCII.GetBytes("OpusHead"), Encoding.ASCII.GetBytes("OpusTags"), 2);

            private OggCodec(string name, byte[] identification, byte[] commentPrefix, int headerCount)
            {
                Name = name;
                Identification = identification;
                CommentPrefix = commentPrefix;
                HeaderCount = headerCount;
            }

            public string Name { get; }

            public byte[] Identification { get; }

            public byte[] CommentPrefix { get; }

            /// <summary>Header packets before the audio: Vorbis identification, comment, setup; Opus head and tags.</summary>
            public int HeaderCount { get; }

            public static OggCodec? Of(byte[] firstPacket) =>
                new[] { Vorbis, Opus }.FirstOrDefault(c => firstPacket.AsSpan().StartsWith(c.Identification));
        }

        private sealed class OggStream
        {
            public OggStream(List<OggPage> pages, List<byte[]> headers, int headerPages, OggCodec codec, (string Vendor, List<string> Comments, int End) comments)
            {
                Pages = pages;
                Headers = headers;
                HeaderPages = headerPages;
                Codec = codec;
                Comments = comments;
            }

            public List<OggPage> Pages { get; }

            public List<byte[]> Headers { get; }

            public int HeaderPages { get; }

            public OggCodec Codec { get; }

            public (string Vendor, List<string> Comments, int End) Comments { get; }
        }
    }
}
