using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace DeepSynth.Compliance.Metadata
{
    /// <summary>
    /// A QuickTime-style metadata box (<c>meta</c> with an <c>hdlr</c> of type <c>mdta</c>, a <c>keys</c> table and an
    /// <c>ilst</c> whose item boxes are named by 1-based key index). Parsed into entries so keys can be added or removed
    /// and the indices rewritten consistently.
    /// </summary>
    internal sealed class MdtaMeta
    {
        private const int MaxKeys = 4096;

        private MdtaMeta(string handler, bool isFullBox, List<Entry> entries, IsoBox hdlr, List<IsoBox> others)
        {
            HandlerBox = hdlr;
            Handler = handler;
            IsFullBox = isFullBox;
            Entries = entries;
            Others = others;
        }

        public string Handler { get; }

        /// <summary>ISO meta boxes carry version and flags; QuickTime's do not. Kept as found.</summary>
        public bool IsFullBox { get; }

        public List<Entry> Entries { get; }

        private IsoBox HandlerBox { get; }

        /// <summary>Boxes in the meta other than hdlr, keys and ilst (free, ...).</summary>
        private List<IsoBox> Others { get; }

        /// <summary>The meta box as an mdta meta, or <c>null</c> when its handler is another (iTunes <c>mdir</c>, ...).</summary>
        public static MdtaMeta? TryRead(byte[] file, IsoBox meta)
        {
            // A full box starts with version/flags (zero), then the hdlr box.
            var fullBox = meta.PayloadSize >= 12 && BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(meta.PayloadStart)) == 0
                && Encoding.ASCII.GetString(file, meta.PayloadStart + 8, 4) == "hdlr";
            var children = IsoBox.Children(file, meta.PayloadStart + (fullBox ? 4 : 0), meta.End);
            var hdlr = children.FirstOrDefault(b => b.Type == "hdlr");
            if (hdlr.Type != "hdlr" || hdlr.PayloadSize < 12)
            {
                return null;
            }

            var handler = Encoding.ASCII.GetString(file, hdlr.PayloadStart + 8, 4);
            if (handler != "mdta")
            {
                return null;
            }

            var entries = new List<Entry>();
            var keys = children.FirstOrDefault(b => b.Type == "keys");
            if (keys.Type == "keys" && keys.PayloadSize >= 8)
            {
                var count = BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(keys.PayloadStart + 4));
                var at = keys.PayloadStart + 8;
                for (var i = 0; i < count && i < MaxKeys && at + 8 <= keys.End; i++)
                {
                    var size = (int)Math.Min(BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(at)), int.MaxValue);
                    if (size < 8 || at + size > keys.End)
                    {
                        throw new AigcMetadataException($"Corrupt MP4: key {i + 1} of the mdta keys box runs past the box.");
                    }

                    entries.Add(new Entry(Encoding.ASCII.GetString(file, at + 4, 4), Encoding.UTF8.GetString(file, at + 8, size - 8), new List<byte[]>()));
                    at += size;
                }
            }

            var ilst = children.FirstOrDefault(b => b.Type == "ilst");
            if (ilst.Type == "ilst")
            {
                foreach (var item in IsoBox.Children(file, ilst.PayloadStart, ilst.End))
                {
                    var index = BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(item.Start + 4));
                    if (index >= 1 && index <= entries.Count)
                    {
                        entries[(int)index - 1].Items.AddRange(IsoBox.Children(file, item.PayloadStart, item.End).Select(b => b.Copy(file)));
                    }
                }
            }

            return new MdtaMeta(handler, fullBox, entries, hdlr, children.Where(b => b.Type is not ("hdlr" or "keys" or "ilst")).ToList());
        }

        /// <summary>The original hdlr and other boxes to keep when this meta is rebuilt.</summary>
        public (bool FullBox, byte[] Handler, byte[][] Boxes) WithOthers(byte[] file) => (IsFullBox, HandlerBox.Copy(file), Others.Select(b => b.Copy(file)).ToArray());

        /// <summary>A meta box (full box unless <paramref name="original"/> says otherwise) with the entries' keys and items.</summary>
        public static byte[] Build(List<Entry> entries, (bool FullBox, byte[] Handler, byte[][] Boxes)? original)
        {
            var keyParts = new List<byte[]> { new byte[4], BigEndian((uint)entries.Count) };
            var items = new List<byte[]>();
            for (var i = 0; i < entries.Count; i++)
            {
                var name = Encoding.UTF8.GetBytes(entries[i].Name);
                keyParts.Add(BigEndian((uint)(8 + name.Length)));
                keyParts.Add(Encoding.ASCII.GetBytes(entries[i].Namespace));
                keyParts.Add(name);
                if (entries[i].Items.Count > 0)
                {
                    var item = IsoBox.Build("\0\0\0\0", entries[i].Items.ToArray());
                    BinaryPrimitives.WriteUInt32BigEndian(item.AsSpan(4), (uint)(i + 1));
                    items.Add(item);
                }
            }

            // hdlr as ffmpeg writes it: version/flags, pre_defined, 'mdta', three reserved words, an empty name.
            var hdlr = original?.Handler ?? IsoBox.Build("hdlr", new byte[8], Encoding.ASCII.GetBytes("mdta"), new byte[13]);
            var parts = new List<byte[]>();
            if (original?.FullBox ?? true)
            {
                parts.Add(new byte[4]);
            }

            parts.Add(hdlr);
            parts.Add(IsoBox.Build("keys", keyParts.ToArray()));
            parts.Add(IsoBox.Build("ilst", items.ToArray()));
            parts.AddRange(original?.Boxes ?? Array.Empty<byte[]>());
            return IsoBox.Build("meta", parts.ToArray());
        }

        private static byte[] BigEndian(uint value)
        {
            var bytes = new byte[4];
            BinaryPrimitives.WriteUInt32BigEndian(bytes, value);
            return bytes;
        }

        /// <summary>One key and the data boxes of its ilst item.</summary>
        internal sealed class Entry
        {
            public Entry(string @namespace, string name, List<byte[]> items)
            {
                Namespace = @namespace;
                Name = name;
                Items = items;
            }

            public string Namespace { get; }

            public string Name { get; }

            /// <summary>The item's boxes, whole (normally one <c>data</c> box).</summary>
            public List<byte[]> Items { get; }
        }
    }
}
