namespace DeepSynth.Compliance.Review
{
    /// <summary>One reason behind a verdict: which rule matched, in which category.</summary>
    public sealed class ReviewFinding
    {
        public ReviewFinding(string ruleId, string category, ReviewDecision decision, string source)
        {
            RuleId = ruleId;
            Category = category;
            Decision = decision;
            Source = source;
        }

        /// <summary>The feature-library rule or the external service's label.</summary>
        public string RuleId { get; }

        public string Category { get; }

        public ReviewDecision Decision { get; }

        /// <summary>Which reviewer found it (the feature library's version or the adapter's name).</summary>
        public string Source { get; }

        public override string ToString() => $"{Source}:{RuleId} ({Category}) -> {Decision}";
    }
}
