using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;

namespace DeepSynth.Compliance.Metadata
{
    /// <summary>
    /// AIGC metadata in MP4, MOV and M4A as TC260-PG-20257A §6.1.1 places it (as verifiers cite it): in
    /// <c>moov.udta.meta</c> with handler <c>mdta</c>, the key <c>AIGC</c> in <c>keys</c> (namespace <c>mdta</c>) and the
    /// JSON as a UTF-8 <c>data</c> item in <c>ilst</c>, the layout ffmpeg writes with <c>-movflags use_metadata_tags</c>.
    /// An existing mdta meta box gets the key added or updated in place; every other box is copied byte for byte. When
    /// <c>moov</c> precedes the media data, the chunk offsets (<c>stco</c>/<c>co64</c>) are shifted by the size change so
    /// the samples are still found. Also reads the QuickTime placement <c>moov.meta</c> (non-standard here).
    /// </summary>
    public sealed class Mp4AigcCarrier : IAigcMetadataCarrier
    {
        internal const string VideoGuide = "TC260-PG-20257A §6.1.1";
        private const string Key = "AIGC";
        private static readonly string[] SampleTableContainers = { "trak", "mdia", "minf", "stbl" };

        public MediaFormat Format => MediaFormat.Mp4;

        /// <inheritdoc />
        public AigcMetadata? Read(byte[] file) => AigcLabelSites.Preferred(FindSites(file));

        /// <inheritdoc />
        public IReadOnlyList<AigcLabelSite> FindSites(byte[] file)
        {
            var moov = FindMoov(file);
            var sites = new List<AigcLabelSite>();
            foreach (var child in IsoBox.Children(file, moov.PayloadStart, moov.End))
            {
                if (child.Type == "udta")
                {
                    foreach (var meta in IsoBox.Children(file, child.PayloadStart, child.End).Where(b => b.Type == "meta"))
                    {
                        AddSites(sites, MdtaMeta.TryRead(file, meta), "moov.udta.meta", standardPlace: true);
                    }
                }
                else if (child.Type == "meta")
                {
                    AddSites(sites, MdtaMeta.TryRead(file, child), "moov.meta", standardPlace: false);
                }
            }

            return sites;
        }

        /// <inheritdoc />
        [AigcLabeler]
        public byte[] Embed(byte[] file, AigcMetadata metadata)
        {
            var moov = FindMoov(file);
            var effective = AigcLabelSites.Effective(this, file, metadata);
            var json = Encoding.UTF8.GetBytes(effective.ToPayloadJson());
            var children = IsoBox.Children(file, moov.PayloadStart, moov.End);
            var parts = new List<byte[]>();
            var udtaWritten = false;
            foreach (var child in children)
            {
                if (child.Type == "udta" && !udtaWritten)
                {
                    parts.Add(BuildUdta(file, child, json));
                    udtaWritten = true;
                }
                else
                {
                    parts.Add(child.Copy(file));
                }
            }

            if (!udtaWritten)
            {
                parts.Add(IsoBox.Build("udta", MdtaMeta.Build(new List<MdtaMeta.Entry> { new MdtaMeta.Entry("mdta", Key, new List<byte[]> { DataItem(json) }) }, null)));
            }

            var newMoov = IsoBox.Build("moov", parts.ToArray());
            var delta = newMoov.Length - moov.Size;
            var after = IsoBox.Children(file, moov.End, file.Length);
            if (delta != 0 && after.Count > 0)
            {
                if (after.Any(b => b.Type == "moof"))
                {
                    throw new AigcMetadataException("Fragmented MP4 with moov before the fragments: relabeling would move fragment data that absolute offsets point to; label the file before fragmenting it.");
                }

                ShiftChunkOffsets(newMoov, 8, newMoov.Length, moov.End, delta, 0);
            }

            using var output = new MemoryStream(file.Length + delta);
            output.Write(file, 0, moov.Start);
            output.Write(newMoov, 0, newMoov.Length);
            output.Write(file, moov.End, file.Length - moov.End);
            return output.ToArray();
        }

        private static void AddSites(List<AigcLabelSite> sites, MdtaMeta? meta, string place, bool standardPlace)
        {
            if (meta is null)
            {
                return;
            }

            foreach (var entry in meta.Entries.Where(e => e.Name.IndexOf(Key, StringComparison.OrdinalIgnoreCase) >= 0))
            {
                var standard = standardPlace && entry.Name == Key && entry.Namespace == "mdta";
                foreach (var item in entry.Items.Where(i => i.Length >= 16 && Encoding.ASCII.GetString(i, 4, 4) == "data"))
                {
                    sites.Add(new AigcLabelSite($"MP4 {place} ({meta.Handler}) key {entry.Name}", standard ? AigcLabelPlacement.Standard : AigcLabelPlacement.NonStandard, VideoGuide, DataValue(item)));
                }
            }
        }

        private static IsoBox FindMoov(byte[] file)
        {
            if (file is null)
            {
                throw new ArgumentNullException(nameof(file));
            }

            if (MediaFormatDetector.Detect(file) != MediaFormat.Mp4)
            {
                throw new AigcMetadataException("Not an MP4/MOV file: it starts with neither an ftyp nor a moov box.");
            }

            var top = IsoBox.Children(file, 0, file.Length);
            return top.FirstOrDefault(b => b.Type == "moov") is { Type: "moov" } moov
                ? moov
                : throw new AigcMetadataException("Corrupt MP4: it has no moov box (an unfinished recording?).");
        }

        /// <summary>The udta with its mdta meta box updated or added; its other boxes copied.</summary>
        private static byte[] BuildUdta(byte[] file, IsoBox udta, byte[] json)
        {
            var parts = new List<byte[]>();
            var written = false;
            var children = IsoBox.Children(file, udta.PayloadStart, udta.End);
            foreach (var child in children)
            {
                var meta = child.Type == "meta" && !written ? MdtaMeta.TryRead(file, child) : null;
                if (meta is null)
                {
                    parts.Add(child.Copy(file));
                    continue;
                }

                var entries = meta.Entries.Where(e => e.Name == Key || e.Name.IndexOf(Key, StringComparison.OrdinalIgnoreCase) < 0).ToList();
                var at = entries.FindIndex(e => e.Name == Key);
                var ours = new MdtaMeta.Entry("mdta", Key, new List<byte[]> { DataItem(json) });
                if (at < 0)
                {
                    entries.Add(ours);
                }
                else
                {
                    entries[at] = ours; // relabeling updates the key where it stood
                }

                parts.Add(MdtaMeta.Build(entries, meta.WithOthers(file)));
                written = true;
            }

            if (!written)
            {
                parts.Add(MdtaMeta.Build(new List<MdtaMeta.Entry> { new MdtaMeta.Entry("mdta", Key, new List<byte[]> { DataItem(json) }) }, null));
            }

            var used = children.Count == 0 ? udta.PayloadStart : children[children.Count - 1].End;
            if (used < udta.End)
            {
                parts.Add(new byte[udta.End - used]); // the zero terminator some writers leave
            }

            return IsoBox.Build("udta", parts.ToArray());
        }

        /// <summary>A <c>data</c> box: type indicator 1 (UTF-8), locale 0, the value.</summary>
        private static byte[] DataItem(byte[] utf8) => IsoBox.Build("data", new byte[] { 0, 0, 0, 1, 0, 0, 0, 0 }, utf8);

        private static byte[] DataValue(byte[] dataBox) => dataBox.Length <= 16 ? Array.Empty<byte>() : dataBox.AsSpan(16).ToArray();

        /// <summary>Adds <paramref name="delta"/> to every stco/co64 offset at or past <paramref name="movedFrom"/>, in place.</summary>
        private static void ShiftChunkOffsets(byte[] moov, int start, int end, int movedFrom, int delta, int depth)
        {
            if (depth > IsoBox.MaxDepth)
            {
                throw new AigcMetadataException("Corrupt MP4: the sample tables nest deeper than any real file.");
            }

            foreach (var box in IsoBox.Children(moov, start, end))
            {
                if (SampleTableContainers.Contains(box.Type))
                {
                    ShiftChunkOffsets(moov, box.PayloadStart, box.End, movedFrom, delta, depth + 1);
                }
                else if (box.Type is "stco" or "co64")
                {
                    var wide = box.Type == "co64";
                    var count = box.PayloadSize >= 8 ? BinaryPrimitives.ReadUInt32BigEndian(moov.AsSpan(box.PayloadStart + 4)) : 0;
                    if (8L + (count * (wide ? 8L : 4L)) > box.PayloadSize)
                    {
                        throw new AigcMetadataException($"Corrupt MP4: {box.Type} declares {count} chunk offsets, more than it holds.");
                    }

                    for (var i = 0; i < count; i++)
                    {
                        var at = box.PayloadStart + 8 + (i * (wide ? 8 : 4));
                        if (wide)
                        {
                            var value = BinaryPrimitives.ReadUInt64BigEndian(moov.AsSpan(at));
                            if (value >= (ulong)movedFrom)
                            {
                                BinaryPrimitives.WriteUInt64BigEndian(moov.AsSpan(at), (ulong)((long)value + delta));
                            }
                        }
                        else
                        {
                            var value = BinaryPrimitives.ReadUInt32BigEndian(moov.AsSpan(at));
                            if (value >= (uint)movedFrom)
                            {
                                var shifted = (long)value + delta;
                                if (shifted > uint.MaxValue)
                                {
                                    throw new AigcMetadataException("The label would push a chunk offset past 4 GB in a 32-bit stco table.");
                                }

                                BinaryPrimitives.WriteUInt32BigEndian(moov.AsSpan(at), (uint)shifted);
                            }
                        }
                    }
                }
            }
        }
    }
}
