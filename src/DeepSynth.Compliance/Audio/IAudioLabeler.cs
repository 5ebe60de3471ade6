using System.Threading;

namespace DeepSynth.Compliance.Audio
{
    /// <summary>Adds the explicit audio label (DSP Art. 17, GB 45438 §6.3) to generated speech or music.</summary>
    public interface IAudioLabeler
    {
        /// <summary>
        /// A copy of the WAV file <paramref name="wav"/> with the rhythm cue (or the configured voice clip) at its
        /// start and/or end. The original samples are copied unchanged and AIGC metadata is kept.
        /// </summary>
        /// <exception cref="DeepSynth.Compliance.Metadata.AigcMetadataException">The WAV is malformed or not PCM/float.</exception>
        [AigcLabeler]
        byte[] LabelWav(byte[] wav, CancellationToken cancellationToken = default);
    }
}
