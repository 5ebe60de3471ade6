using System.Collections.Generic;

namespace DeepSynth.Compliance.Metadata
{
    /// <summary>Reads and writes the AIGC metadata block of one file format.</summary>
    public interface IAigcMetadataCarrier
    {
        MediaFormat Format { get; }

        /// <summary>
        /// The AIGC metadata in <paramref name="file"/> (the label at the standard site when there are several), or
        /// <c>null</c> when it has none. <see cref="AigcLabelInspector"/> reports every site and what is wrong with them.
        /// </summary>
        /// <exception cref="AigcMetadataException">The file is malformed or its metadata is unreadable.</exception>
        AigcMetadata? Read(byte[] file);

        /// <summary>Every place in <paramref name="file"/> that holds an AIGC label, standard or not, in file order.</summary>
        /// <exception cref="AigcMetadataException">The container is malformed.</exception>
        IReadOnlyList<AigcLabelSite> FindSites(byte[] file);

        /// <summary>
        /// A copy of <paramref name="file"/> carrying exactly one AIGC block, at the format's standard site. When the file is
        /// already labeled, the block written is <see cref="AigcMetadata.Relabel"/> of the old and the new metadata, so no
        /// field is lost, and labels at other sites are folded into it.
        /// </summary>
        /// <exception cref="AigcMetadataException">The file is malformed; nothing is written.</exception>
        [AigcLabeler]
        byte[] Embed(byte[] file, AigcMetadata metadata);
    }
}
