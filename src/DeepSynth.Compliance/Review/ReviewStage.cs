namespace DeepSynth.Compliance.Review
{
    /// <summary>Which side of the generation is reviewed (DSP Art. 10).</summary>
    public enum ReviewStage
    {
        /// <summary>The user's input (prompt, uploaded material) before it reaches the generator.</summary>
        Input = 0,
        /// <summary>The generated result before it is published.</summary>
        Output = 1,
    }
}
