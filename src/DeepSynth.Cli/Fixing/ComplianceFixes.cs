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
        /// <summary>The order rules are fixed in (the rule table's fix order: each fix finds the code the earlier ones left as it expects it).</summary>
        public static readonly ImmutableArray<string> Order = DeepSynth.Analyzers.Rules.RuleTable.FixOrder.ToImmutableArray();

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
