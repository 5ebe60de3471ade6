namespace DeepSynth.Compliance.Audit
{
    /// <summary>Whether a proof holds, and if not, why.</summary>
    public sealed class AuditProofCheck
    {
        private AuditProofCheck(string? problem) => Problem = problem;

        public bool IsValid => Problem is null;

        /// <summary>Why the proof fails, or null.</summary>
        public string? Problem { get; }

        internal static AuditProofCheck Valid { get; } = new AuditProofCheck(null);

        internal static AuditProofCheck Fails(string problem) => new AuditProofCheck(problem);

        public override string ToString() => Problem ?? "valid";
    }
}
