namespace DeepSynth.Build
{
    /// <summary>One result of the compiler's SARIF log that belongs to a DeepSynth rule.</summary>
    public sealed class SarifFinding
    {
        public SarifFinding(string ruleId, string level, string message, string? file, int line, bool suppressed, string? justification, int column = 0, string? suppressionKind = null)
        {
            RuleId = ruleId;
            Level = level;
            Message = message;
            File = file;
            Line = line;
            Column = column;
            Suppressed = suppressed;
            Justification = justification;
            SuppressionKind = suppressionKind;
        }

        public string RuleId { get; }

        /// <summary>SARIF level: error, warning, note or none.</summary>
        public string Level { get; }

        public string Message { get; }

        /// <summary>Full path of the file it is reported in; null for project-wide findings without a location.</summary>
        public string? File { get; }

        public int Line { get; }

        public int Column { get; }

        public bool Suppressed { get; }

        /// <summary>The justification the compiler recorded (a [SuppressMessage]'s Justification); pragmas carry none.</summary>
        public string? Justification { get; }

        /// <summary>How it was suppressed, as the compiler names it ("SuppressMessageAttribute", "Pragma Directive").</summary>
        public string? SuppressionKind { get; }
    }
}
