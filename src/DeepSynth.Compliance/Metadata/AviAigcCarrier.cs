using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;

namespace DeepSynth.Compliance.Metadata
{
    /// <summary>
    /// AIGC metadata in AVI as the <c>AIGC</c> entry (a NUL-terminated string) of the <c>LIST/INFO</c> chunk
    /// (TC260-PG-20257A). The media never moves, because index offsets (idx1, OpenDML indx) point into it: an existing INFO
    /// list is rewritten in place, taking any growth from a <c>JUNK</c> chunk right after it (ffmpeg leaves one) or leaving
    /// a <c>JUNK</c> filler when it shrinks; without an INFO list a new one replaces a large enough <c>JUNK</c> chunk, or is
    /// appended at the end of a single-RIFF file. When none of this fits, the file is refused rather than broken.
    /// </summary>
    public sealed class AviAigcCarrier : IAigcMetadataCarrier
    {
        private const string EntryId = "AIGC";

        public MediaFormat Format => MediaFormat.Avi;

        /// <inheritdoc />
        public AigcMetadata? Read(byte[] file) => AigcLabelSites.Preferred(FindSites(file));

        /// <inheritdoc />
        public IReadOnlyList<AigcLabelSite> FindSites(byte[] file)
        {
            var sites = new List<AigcLabelSite>();
            foreach (var info in RiffChunks.Read(file, "AVI ", "AVI").Where(c => IsInfo(file, c)))
            {
                foreach (var entry in Entries(file, info).Where(e => e.Id.IndexOf(EntryId, StringComparison.OrdinalIgnoreCase) >= 0))
                {
                    sites.Add(new AigcLabelSite($"AVI LIST/INFO {entry.Id}", entry.Id == EntryId ? AigcLabelPlacement.Standard : AigcLabelPlacement.NonStandard, "TC260-PG-20257A", AigcLabelSites.TrimNul(entry.Data)));
                }
            }

            return sites;
        }

        /// <inheritdoc />
        [AigcLabeler]
        public byte[] Embed(byte[] file, AigcMetadata metadata)
        {
            var chunks = RiffChunks.Read(file, "AVI ", "AVI");
            var effective = AigcLabelSites.Effective(this, file, metadata);
            var value = Encoding.UTF8.GetBytes(effective.ToPayloadJson() + "\0");
            var singleRiff = 8L + BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(4)) >= file.Length - 1;
            var index = chunks.FindIndex(c => IsInfo(file, c));
            if (index >= 0)
            {
                var entries = Entries(file, chunks[index]).Where(e => e.Id == EntryId || e.Id.IndexOf(EntryId, StringComparison.OrdinalIgnoreCase) < 0).ToList();
                var at = entries.FindIndex(e => e.Id == EntryId);
                if (at < 0)
                {
                    entries.Add((EntryId, value));
                }
                else
                {
                    entries[at] = (EntryId, value);
                }

                var info = BuildInfo(entries);
                var room = chunks[index].TotalLength + (index + 1 < chunks.Count && chunks[index + 1].Id == "JUNK" ? chunks[index + 1].TotalLength : 0);
                var replaced = index + 1 < chunks.Count && chunks[index + 1].Id == "JUNK" ? 2 : 1;
                if (Fits(info.Length, room) || (index + replaced == chunks.Count && singleRiff))
                {
                    return Splice(file, chunks[index].Start, chunks[index].Start + room, Filled(info, room, index + replaced == chunks.Count && singleRiff));
                }

                throw new AigcMetadataException("The AVI's INFO list cannot grow in place (no JUNK room after it), and moving the media would break its index.");
            }

            var newInfo = BuildInfo(new List<(string, byte[])> { (EntryId, value) });
            var junk = chunks.FindIndex(c => c.Id == "JUNK" && Fits(newInfo.Length, c.TotalLength));
            if (junk >= 0)
            {
                return Splice(file, chunks[junk].Start, chunks[junk].Start + chunks[junk].TotalLength, Filled(newInfo, chunks[junk].TotalLength, grow: false));
            }

            if (!singleRiff)
            {
                throw new AigcMetadataException("The AVI has OpenDML extension chunks (AVIX) after its first RIFF and no JUNK room for an INFO list; appending would move them.");
            }

            var end = chunks.Count == 0 ? 12 : chunks[chunks.Count - 1].Start + chunks[chunks.Count - 1].TotalLength;
            return Splice(file, end, end, newInfo);
        }

        /// <summary>Whether <paramref name="length"/> bytes fit into <paramref name="room"/>, leaving nothing or a JUNK chunk.</summary>
        private static bool Fits(int length, int room) => length == room || room - length >= 8;

        /// <summary><paramref name="info"/> padded with a JUNK chunk to <paramref name="room"/>; at the end of the file (<paramref name="grow"/>) it may simply be longer or shorter.</summary>
        private static byte[] Filled(byte[] info, int room, bool grow)
        {
            if (info.Length == room || (grow && room - info.Length < 8))
            {
                return info;
            }

            var filler = RiffChunks.Build("JUNK", new byte[room - info.Length - 8]);
            return info.Concat(filler).ToArray();
        }

        /// <summary><paramref name="file"/> with [start, end) replaced, the first RIFF size corrected.</summary>
        private static byte[] Splice(byte[] file, int start, int end, byte[] replacement)
        {
            using var output = new MemoryStream(file.Length + replacement.Length);
            output.Write(file, 0, start);
            output.Write(replacement, 0, replacement.Length);
            output.Write(file, end, file.Length - end);
            var bytes = output.ToArray();
            var riffSize = BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(4)) + (replacement.Length - (end - start));
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(4), (uint)riffSize);
            return bytes;
        }

        private static bool IsInfo(byte[] file, RiffChunks.RiffChunk chunk) =>
            chunk.Id == "LIST" && chunk.Size >= 4 && MediaFormatDetector.Ascii(file, chunk.DataStart, 4) == "INFO";

        private static List<(string Id, byte[] Data)> Entries(byte[] file, RiffChunks.RiffChunk info)
        {
            var entries = new List<(string, byte[])>();
            var at = info.DataStart + 4;
            var end = info.DataStart + info.Size;
            while (at + 8 <= end)
            {
                var id = Encoding.ASCII.GetString(file, at, 4);
                var size = BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(at + 4));
                if (size > (uint)(end - at - 8))
                {
                    throw new AigcMetadataException($"Corrupt AVI: INFO entry {id} declares {size} bytes, more than its list holds.");
                }

                entries.Add((id, file.AsSpan(at + 8, (int)size).ToArray()));
                at += 8 + (int)size + ((int)size & 1);
            }

            return entries;
        }

        private static byte[] BuildInfo(List<(string Id, byte[] Data)> entries)
        {
            var body = Encoding.ASCII.GetBytes("INFO").Concat(entries.SelectMany(e => RiffChunks.Build(e.Id, e.Data))).ToArray();
            return RiffChunks.Build("LIST", body);
        }

    }
}
