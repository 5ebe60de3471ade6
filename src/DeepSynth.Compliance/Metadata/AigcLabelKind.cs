namespace DeepSynth.Compliance.Metadata
{
    /// <summary>The <c>Label</c> field of the Annex E AIGC metadata.</summary>
    public enum AigcLabelKind
    {
        /// <summary>"1": the content is AI-generated (属于).</summary>
        Generated = 1,
        /// <summary>"2": possibly AI-generated, for example declared so by the uploader (可能为).</summary>
        PossiblyGenerated = 2,
        /// <summary>"3": suspected AI-generated, for example flagged by a detector (疑似).</summary>
        SuspectedGenerated = 3,
    }
}
