using System.Threading;

namespace DeepSynth.Compliance.Imaging
{
    /// <summary>Draws the visible label onto generated images (DSP Art. 17, Labeling Measures Art. 4, GB 45438 §6.2).</summary>
    public interface IVisibleImageLabeler
    {
        /// <summary>
        /// A copy of <paramref name="image"/> (PNG or JPEG, same format out) with the label drawn in the configured
        /// corner, text at least 5% of the shortest side high. AIGC metadata in the input is carried over, because
        /// re-encoding must never strip the implicit label (DSP Art. 18).
        /// </summary>
        /// <exception cref="DeepSynth.Compliance.Metadata.AigcMetadataException">The image cannot be decoded.</exception>
        /// <exception cref="System.ArgumentException">The image is too small to hold the label at the required height.</exception>
        [AigcLabeler]
        byte[] Label(byte[] image, CancellationToken cancellationToken = default);
    }
}
