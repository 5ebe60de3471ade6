namespace DeepSynth.Compliance.Propagation
{
    /// <summary>How a propagation platform classifies an upload (Labeling Measures Art. 6).</summary>
    public enum PropagationClassification
    {
        /// <summary>No implicit label, no declaration, nothing detected: no prompt is required.</summary>
        NotIdentified = 0,
        /// <summary>The implicit label says generated: prompt "属于" (is) AI-generated content.</summary>
        Generated,
        /// <summary>The uploader declared it generated, or its label says "2": prompt "可能为" (may be).</summary>
        PossiblyGenerated,
        /// <summary>The platform detected explicit labels or traces, or its label says "3": prompt "疑似" (suspected).</summary>
        SuspectedGenerated,
    }
}
