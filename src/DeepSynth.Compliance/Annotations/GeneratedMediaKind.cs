namespace DeepSynth.Compliance
{
    /// <summary>The kind of media a generation call produces; it decides which label GB 45438 requires.</summary>
    public enum GeneratedMediaKind
    {
        /// <summary>Text or dialogue (GB 45438 §6.1).</summary>
        Text = 0,
        /// <summary>Images (GB 45438 §6.2).</summary>
        Image = 1,
        /// <summary>Audio, speech and music (GB 45438 §6.3).</summary>
        Audio = 2,
        /// <summary>Video (GB 45438 §6.4).</summary>
        Video = 3,
    }
}
