namespace DeepSynth.Compliance.Metadata
{
    /// <summary>File formats the SDK can carry AIGC metadata in.</summary>
    public enum MediaFormat
    {
        Unknown = 0,
        Png,
        Jpeg,
        Wav,
        Mp3,
    }
}
