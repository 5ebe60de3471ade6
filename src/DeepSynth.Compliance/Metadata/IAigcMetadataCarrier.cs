namespace DeepSynth.Compliance.Metadata
{
    /// <summary>Reads and writes the AIGC metadata block of one file format.</summary>
    public interface IAigcMetadataCarrier
    {
        MediaFormat Format { get; }

        /// <summary>The AIGC metadata in <paramref name="file"/>, or <c>null</c> when it has none.</summary>
        /// <exception cref="AigcMetadataException">The file is malformed or its metadata is unreadable.</exception>
        AigcMetadata? Read(byte[] file);

        /// <summary>
        /// A copy of <paramref name="file"/> carrying exactly one AIGC block. When the file is already labeled,
        /// the block written is <see cref="AigcMetadata.Relabel"/> of the old and the new metadata, so no field is lost.
        /// </summary>
        /// <exception cref="AigcMetadataException">The file is malformed; nothing is written.</exception>
        [AigcLabeler]
        byte[] Embed(byte[] file, AigcMetadata metadata);
    }
}
