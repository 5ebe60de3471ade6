using System.Threading;
using System.Threading.Tasks;

namespace DeepSynth.Compliance.Metadata
{
    /// <summary>
    /// Labels generated files (PNG, JPEG, WAV, MP3) with the implicit AIGC metadata and, on request, the explicit label
    /// (DSP Art. 16-17, Labeling Measures Art. 4-5, GB 45438). Downloads and exports must carry both (LM Art. 4 ¶2).
    /// </summary>
    public interface IAigcFileLabeler
    {
        /// <summary>A labeled copy of <paramref name="content"/>; re-labeling keeps one AIGC block and every field.</summary>
        /// <exception cref="AigcMetadataException">The file is malformed or of an unsupported format.</exception>
        [AigcLabeler]
        byte[] Label(byte[] content, FileLabelRequest? request = null, CancellationToken cancellationToken = default);

        /// <summary>
        /// Labels the file at <paramref name="inputPath"/> into <paramref name="outputPath"/>, which appears complete or
        /// not at all (written to a temporary file, then moved). Not an annotated step: it labels a file on disk,
        /// not the path string it is given.
        /// </summary>
        Task LabelFileAsync(string inputPath, string outputPath, FileLabelRequest? request = null, CancellationToken cancellationToken = default);

        /// <summary>The AIGC metadata <paramref name="content"/> carries, or <c>null</c>.</summary>
        /// <exception cref="AigcMetadataException">The file is malformed or its metadata unreadable.</exception>
        AigcMetadata? Read(byte[] content);
    }
}
