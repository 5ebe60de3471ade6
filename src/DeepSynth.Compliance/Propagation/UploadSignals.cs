namespace DeepSynth.Compliance.Propagation
{
    /// <summary>What the platform knows about an upload besides its metadata.</summary>
    public sealed class UploadSignals
    {
        /// <summary>The uploader declared the content AI-generated (LM Art. 6(2)).</summary>
        public bool DeclaredGenerated { get; set; }

        /// <summary>The platform found an explicit label or generation traces (LM Art. 6(3)).</summary>
        public bool DetectedGenerationTraces { get; set; }
    }
}
