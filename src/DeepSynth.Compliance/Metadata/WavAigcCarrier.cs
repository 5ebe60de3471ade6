using System;
using System.Collections.Generic;
using System.Linq;

namespace DeepSynth.Compliance.Metadata
{
    /// <summary>
    /// AIGC metadata in a WAV file as a RIFF chunk with id <c>AIGC</c> holding the JSON (TC260-PG-202510A), placed before the
    /// <c>data</c> chunk so streaming readers meet it first. Players skip chunks they do not know.
    /// </summary>
    public sealed class WavAigcCarrier : IAigcMetadataCarrier
    {
        internal const string ChunkId = "AIGC";

        public MediaFormat Format => MediaFormat.Wav;

        /// <inheritdoc />
        public AigcMetadata? Read(byte[] file) => AigcLabelSites.Preferred(FindSites(file));

        /// <inheritdoc />
        public IReadOnlyList<AigcLabelSite> FindSites(byte[] file)
        {
            var sites = new List<AigcLabelSite>();
            foreach (var chunk in RiffChunks.Read(file))
            {
                if (IsAigc(chunk))
                {
                    var json = new byte[chunk.Size];
                    Buffer.BlockCopy(file, chunk.DataStart, json, 0, chunk.Size);
                    var standard = chunk.Id == ChunkId;
                    sites.Add(new AigcLabelSite($"WAV RIFF chunk {chunk.Id}", standard ? AigcLabelPlacement.Standard : AigcLabelPlacement.NonStandard, Mp3AigcCarrier.AudioGuide, AigcLabelSites.TrimNul(json)));
                }
            }

            return sites;
        }

        /// <inheritdoc />
        [AigcLabeler]
        public byte[] Embed(byte[] file, AigcMetadata metadata)
        {
            var chunks = RiffChunks.Read(file);
            if (!chunks.Any(c => c.Id == "data"))
            {
                throw new AigcMetadataException("Corrupt WAV: it has no data chunk.");
            }

            var effective = AigcLabelSites.Effective(this, file, metadata);
            var block = RiffChunks.Build(ChunkId, effective.ToUtf8PayloadJson());
            var inserted = false;
            return RiffChunks.Rebuild(file, chunks.Where(c => !IsAigc(c)), c =>
            {
                if (inserted || c.Id != "data")
                {
                    return null;
                }

                inserted = true;
                return block;
            });
        }

        private static bool IsAigc(RiffChunks.RiffChunk chunk) => string.Equals(chunk.Id, ChunkId, StringComparison.OrdinalIgnoreCase);

    }
}
