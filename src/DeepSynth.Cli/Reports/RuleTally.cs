using System;
using System.Collections.Generic;
using System.Linq;
using DeepSynth.Analyzers.Rules;
using DeepSynth.Cli.Findings;

namespace DeepSynth.Cli.Reports
{
    /// <summary>One row of the summary every report starts with: a rule, its articles, and how many findings it has.</summary>
    internal sealed class RuleTally
    {
        private static readonly string[] AlwaysListed = { RuleIds.UnlabeledContent, RuleIds.UnverifiedIdentity, RuleIds.UnreviewedOutput, RuleIds.UnreviewedInput, RuleIds.UnauditedGeneration };

        private RuleTally(RuleInfo rule, int newCount, int baselinedCount)
        {
            Rule = rule;
            New = newCount;
            Baselined = baselinedCount;
        }

        public RuleInfo Rule { get; }

        public int New { get; }

        public int Baselined { get; }

        /// <summary>The content-flow rules always (a zero is worth showing), then every other rule that has findings.</summary>
        public static IReadOnlyList<RuleTally> Of(CheckResult result) =>
            AlwaysListed.Concat(result.Findings.Select(f => f.RuleId))
                .Distinct()
                .OrderBy(id => id, StringComparer.Ordinal)
                .Select(id => new RuleTally(
                    RuleCatalog.For(id),
                    result.New.Count(f => f.RuleId == id),
                    result.Baselined.Count(f => f.RuleId == id)))
                .ToList();
    }
}
