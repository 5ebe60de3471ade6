namespace DeepSynth.Build
{
    /// <summary>One result of the compiler's SARIF log that belongs to a DeepSynth rule.</summary>
    public sealed class SarifFinding
    {
        public SarifFinding(string ruleId, string level, string message, string? file, int line, bool suppressed, string? justification)
        {
            RuleId = ruleId;
            Level = level;
            Message = message;
            File = file;
            Line = line;
            Suppressed = suppressed;
            Justification = justification;
        }

        public string RuleId { get; }

        /// <summary>SARIF level: error, warning, note or none.</summary>
        public string Level { get; }

        public string Message { get; }

        public string? File { get; }

        public int Line { get; }

        public bool Suppressed { get; }

        public string? Justification { get; }
    }
}
