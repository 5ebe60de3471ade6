namespace DeepSynth.Compliance.Metadata
{
    /// <summary>What <see cref="IAigcFileLabeler.Label"/> should add to a file.</summary>
    public sealed class FileLabelRequest
    {
        /// <summary>The implicit label to write; by default a new one for the configured provider code.</summary>
        public AigcMetadata? Metadata { get; set; }

        /// <summary>
        /// Also add the explicit label people perceive: drawn text on PNG/JPEG, the rhythm cue or voice clip on WAV.
        /// MP3 cannot get one without re-encoding; add the cue to the PCM before encoding (<see cref="Audio.RhythmCue"/>).
        /// </summary>
        public bool AddExplicitLabel { get; set; }

        /// <summary>
        /// The file's name, needed only for formats without magic bytes (a Markdown file without front matter);
        /// <see cref="IAigcFileLabeler.LabelFileAsync"/> fills it from the input path.
        /// </summary>
        public string? FileName { get; set; }
    }
}
