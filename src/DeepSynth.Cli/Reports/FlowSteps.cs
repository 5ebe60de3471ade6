using System.Collections.Generic;
using System.Linq;
using DeepSynth.Analyzers.Rules;
using DeepSynth.Cli.Findings;

namespace DeepSynth.Cli.Reports
{
    /// <summary>How a finding's content travels, in words: from its source, through a call that publishes, to the finding.</summary>
    internal static class FlowSteps
    {
        public static string Describe(Finding finding, RelatedSpot related)
        {
            var input = finding.RuleId == RuleIds.UnreviewedInput;
            var what = related.Role == RelatedRole.PublishedInside
                ? (input ? "The generation call inside the called method." : "The publish point inside the called method.")
                : (input ? "User input enters here." : "The content is generated here.");
            return related.InOtherProject ? what + " (In another project of the solution.)" : what;
        }

        /// <summary>
        /// The steps from one source to where the duty is missed: the source, the finding's location, and for a call to a
        /// method that publishes (or generates), the publish point (or generation call) inside it, which runs last.
        /// </summary>
        public static IEnumerable<(SourceSpot Spot, string Message)> Of(Finding finding, RelatedSpot source)
        {
            yield return (source.Spot, Describe(finding, source));
            var inside = finding.Related.Where(r => r.Role == RelatedRole.PublishedInside).ToList();
            var input = finding.RuleId == RuleIds.UnreviewedInput;
            if (finding.At != null)
            {
                var here = inside.Count > 0
                    ? (input ? "It is passed here, unreviewed, to a method that generates with it." : "It is passed here to a method that publishes it.")
                    : (input ? "It reaches generation here without review." : "It is published here.");
                yield return (finding.At, here);
            }

            foreach (var step in inside)
            {
                yield return (step.Spot, Describe(finding, step));
            }
        }

        /// <summary>"from" or "published in" / "generated in", for one-line listings.</summary>
        public static string ShortRole(Finding finding, RelatedSpot related) =>
            related.Role == RelatedRole.Source ? "from" : finding.RuleId == RuleIds.UnreviewedInput ? "generated in" : "published in";
    }
}
