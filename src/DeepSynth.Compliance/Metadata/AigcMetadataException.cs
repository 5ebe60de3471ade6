using System;

namespace DeepSynth.Compliance.Metadata
{
    /// <summary>
    /// Thrown when a file or its AIGC metadata cannot be read or written safely: a truncated or corrupt
    /// container, a bad checksum, JSON that is not UTF-8 or not the Annex E shape, or metadata that is too
    /// large. The file is never written half-way when this is thrown.
    /// </summary>
    public sealed class AigcMetadataException : Exception
    {
        public AigcMetadataException(string message)
            : base(message)
        {
        }

        public AigcMetadataException(string message, Exception innerException)
            : base(message, innerException)
        {
        }
    }
}
