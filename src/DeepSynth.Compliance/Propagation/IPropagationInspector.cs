using System.Threading;

namespace DeepSynth.Compliance.Propagation
{
    /// <summary>
    /// For platforms that publish uploads (Labeling Measures Art. 6): check the upload's implicit label, decide whether to
    /// prompt "属于 / 可能为 / 疑似 生成合成内容", and write the platform's propagation fields into the file.
    /// </summary>
    public interface IPropagationInspector
    {
        /// <summary>Classifies <paramref name="upload"/> (PNG, JPEG, WAV or MP3). Malformed metadata is reported, not thrown.</summary>
        /// <exception cref="DeepSynth.Compliance.Metadata.AigcMetadataException">The file itself is not a supported, readable format.</exception>
        PropagationInspection Inspect(byte[] upload, UploadSignals? signals = null);

        /// <summary>
        /// A copy of <paramref name="upload"/> whose AIGC metadata names this platform as propagator with a new
        /// PropagateID; producer fields are kept. Unchanged when <paramref name="inspection"/> found nothing to label.
        /// </summary>
        [AigcLabeler]
        byte[] AppendPropagation(byte[] upload, PropagationInspection inspection, CancellationToken cancellationToken = default);
    }
}
