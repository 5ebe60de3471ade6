namespace DeepSynth.Compliance.Metadata
{
    /// <summary>What <see cref="AigcLabelInspector"/> concludes about a file's implicit label.</summary>
    public enum AigcVerdict
    {
        /// <summary>One label, at the standard site, with valid fields (合规).</summary>
        Compliant = 0,

        /// <summary>A label is there but breaks a check: duplicated, disagreeing, misplaced, fields missing or invalid (不合规).</summary>
        Noncompliant,

        /// <summary>The file was read and carries no AIGC label (未发现隐式标识).</summary>
        NotFound,

        /// <summary>The format is not identified or the container is damaged, so the file could not be checked (无法判定).</summary>
        Inconclusive,
    }
}
