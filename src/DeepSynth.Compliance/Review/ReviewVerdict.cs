using System;
using System.Collections.Generic;
using System.Linq;

namespace DeepSynth.Compliance.Review
{
    /// <summary>The verdict on one piece of content. The strictest finding decides.</summary>
    public sealed class ReviewVerdict
    {
        public ReviewVerdict(ReviewStage stage, IReadOnlyList<ReviewFinding>? findings = null)
        {
            Stage = stage;
            Findings = findings ?? Array.Empty<ReviewFinding>();
            Decision = Findings.Count == 0 ? ReviewDecision.Allowed : Findings.Max(f => f.Decision);
        }

        public ReviewStage Stage { get; }

        public ReviewDecision Decision { get; }

        public IReadOnlyList<ReviewFinding> Findings { get; }

        public bool IsAllowed => Decision == ReviewDecision.Allowed;

        public static ReviewVerdict Allowed(ReviewStage stage) => new ReviewVerdict(stage);

        /// <summary>The combined verdict of several reviewers.</summary>
        public static ReviewVerdict Combine(ReviewStage stage, IEnumerable<ReviewVerdict> verdicts) =>
            new ReviewVerdict(stage, verdicts.SelectMany(v => v.Findings).ToArray());

        public override string ToString() => Findings.Count == 0 ? Decision.ToString() : $"{Decision}: {string.Join("; ", Findings)}";
    }
}
