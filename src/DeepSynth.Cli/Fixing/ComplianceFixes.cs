using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using DeepSynth.CodeFixes.Infrastructure;

namespace DeepSynth.Cli.Fixing
{
    /// <summary>The code fix provider of each fixable rule, from the DeepSynth.CodeFixes assembly, and the order rules are fixed in.</summary>
    internal static class ComplianceFixes
    {
        /// <summary>
        /// Inputs are reviewed before the generation they feed, identity is required before anything is published, output
        /// is reviewed before it is recorded, and the label is added last, to the text that is finally published: each fix
        /// then finds the code the earlier ones left as it expects it.
        /// </summary>
        public static readonly ImmutableArray<string> Order = ImmutableArray.Create("DSYN004", "DSYN002", "DSYN003", "DSYN005", "DSYN001");

        private static readonly Lazy<IReadOnlyDictionary<string, ComplianceCodeFixProvider>> Providers = new Lazy<IReadOnlyDictionary<string, ComplianceCodeFixProvider>>(() =>
            typeof(ComplianceCodeFixProvider).Assembly.GetTypes()
                .Where(t => !t.IsAbstract && typeof(ComplianceCodeFixProvider).IsAssignableFrom(t))
                .Select(t => (ComplianceCodeFixProvider)Activator.CreateInstance(t)!)
                .SelectMany(p => p.FixableDiagnosticIds.Select(id => (Id: id, Provider: p)))
                .ToDictionary(p => p.Id, p => p.Provider, StringComparer.Ordinal));

        public static ComplianceCodeFixProvider? For(string ruleId) => Providers.Value.TryGetValue(ruleId, out var provider) ? provider : null;

        /// <summary>The fix Fix All applies: the first variant, the one the IDE offers first.</summary>
        public static string EquivalenceKey(ComplianceCodeFixProvider provider) => provider.Variants[0].EquivalenceKey;
    }
}
