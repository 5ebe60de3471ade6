using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using DeepSynth.Analyzers.Resources;
using Microsoft.CodeAnalysis;

namespace DeepSynth.Analyzers.Rules
{
    /// <summary>
    /// The descriptors of every analyzer rule, made from <see cref="RuleTable"/>. Texts come from the resources (en,
    /// zh-Hans); the help link is derived from the ID so that it always points at docs/rules/&lt;ID&gt;.md.
    /// </summary>
    public static class RuleDescriptors
    {
        public const string HelpLinkBase = RuleTable.HelpLinkBase;
        public const string ComplianceCategory = RuleTable.Compliance;
        public const string ConfigurationCategory = RuleTable.Configuration;

        private static readonly ImmutableDictionary<string, DiagnosticDescriptor> ById =
            RuleTable.All.Where(r => r.IsAnalyzerRule).ToImmutableDictionary(r => r.Id, Create);

        // Named handles for the code that reports them; each is the table's descriptor.
        public static readonly DiagnosticDescriptor LabelTextIncomplete = For(RuleIds.LabelTextIncomplete);
        public static readonly DiagnosticDescriptor MalformedAigcMetadata = For(RuleIds.MalformedAigcMetadata);

        public static readonly DiagnosticDescriptor InvalidConfigurationJson = For(RuleIds.InvalidConfigurationJson);
        public static readonly DiagnosticDescriptor InvalidConfigurationKey = For(RuleIds.InvalidConfigurationKey);
        public static readonly DiagnosticDescriptor UnresolvedConfigurationMember = For(RuleIds.UnresolvedConfigurationMember);
        public static readonly DiagnosticDescriptor InvalidOption = For(RuleIds.InvalidOption);
        public static readonly DiagnosticDescriptor InternalError = For(RuleIds.InternalError);

        public static readonly DiagnosticDescriptor AlgorithmFilingNotDisplayed = For(RuleIds.AlgorithmFilingNotDisplayed);
        public static readonly DiagnosticDescriptor ComplaintPortalMissing = For(RuleIds.ComplaintPortalMissing);
        public static readonly DiagnosticDescriptor AgreementLabelingSectionMissing = For(RuleIds.AgreementLabelingSectionMissing);
        public static readonly DiagnosticDescriptor SecurityAssessmentMissing = For(RuleIds.SecurityAssessmentMissing);
        public static readonly DiagnosticDescriptor LogRetentionTooShort = For(RuleIds.LogRetentionTooShort);
        public static readonly DiagnosticDescriptor RumorRefutationMissing = For(RuleIds.RumorRefutationMissing);
        public static readonly DiagnosticDescriptor MinorsPolicyMissing = For(RuleIds.MinorsPolicyMissing);

        public static readonly DiagnosticDescriptor InvalidManifestValue = For(RuleIds.InvalidManifestValue);
        public static readonly DiagnosticDescriptor ManifestRetentionTooShort = For(RuleIds.ManifestRetentionTooShort);
        public static readonly DiagnosticDescriptor ContradictoryConfiguration = For(RuleIds.ContradictoryConfiguration);
        public static readonly DiagnosticDescriptor CatalogueRowMissing = For(RuleIds.CatalogueRowMissing);

        /// <summary>Every analyzer rule's descriptor, in id order.</summary>
        public static IEnumerable<DiagnosticDescriptor> All => RuleTable.All.Where(r => r.IsAnalyzerRule).Select(r => ById[r.Id]);

        public static DiagnosticDescriptor For(string id) => ById[id];

        /// <summary>The descriptors an analyzer reports: its rows of the table.</summary>
        internal static ImmutableArray<DiagnosticDescriptor> ReportedBy(RuleReporter reporter) =>
            RuleTable.ReportedBy(reporter).Select(r => ById[r.Id]).ToImmutableArray();

        public static string HelpLink(string id) => RuleTable.HelpLink(id);

        private static DiagnosticDescriptor Create(RuleRow row) =>
            new DiagnosticDescriptor(
                row.Id,
                DiagnosticMessages.Get(row.Id + "_Title"),
                DiagnosticMessages.Get(row.Id + "_Message"),
                row.Category,
                Severity(row.Severity),
                isEnabledByDefault: true,
                description: DiagnosticMessages.Get(row.Id + "_Description"),
                helpLinkUri: RuleTable.HelpLink(row.Id),
                customTags: row.CompilationEnd ? new[] { WellKnownDiagnosticTags.CompilationEnd } : System.Array.Empty<string>());

        private static DiagnosticSeverity Severity(RuleSeverity severity) =>
            severity == RuleSeverity.Error ? DiagnosticSeverity.Error : severity == RuleSeverity.Info ? DiagnosticSeverity.Info : DiagnosticSeverity.Warning;
    }
}
