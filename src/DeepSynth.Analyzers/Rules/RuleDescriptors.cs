using DeepSynth.Analyzers.Resources;
using Microsoft.CodeAnalysis;

namespace DeepSynth.Analyzers.Rules
{
    /// <summary>
    /// The descriptors of every rule. Texts come from the resources (en, zh-Hans); the help link is derived
    /// from the ID so that it always points at docs/rules/&lt;ID&gt;.md.
    /// </summary>
    public static class RuleDescriptors
    {
        public const string HelpLinkBase = "https://github.com/deepsynth/deepsynth-analyzers/blob/main/docs/rules/";
        public const string ComplianceCategory = "Compliance";
        public const string ConfigurationCategory = "Configuration";

        public static readonly DiagnosticDescriptor UnlabeledContent = Create(RuleIds.UnlabeledContent, ComplianceCategory, DiagnosticSeverity.Warning);
        public static readonly DiagnosticDescriptor UnverifiedIdentity = Create(RuleIds.UnverifiedIdentity, ComplianceCategory, DiagnosticSeverity.Warning);
        public static readonly DiagnosticDescriptor UnreviewedOutput = Create(RuleIds.UnreviewedOutput, ComplianceCategory, DiagnosticSeverity.Warning);
        public static readonly DiagnosticDescriptor UnreviewedInput = Create(RuleIds.UnreviewedInput, ComplianceCategory, DiagnosticSeverity.Warning);
        public static readonly DiagnosticDescriptor UnauditedGeneration = Create(RuleIds.UnauditedGeneration, ComplianceCategory, DiagnosticSeverity.Warning);

        public static readonly DiagnosticDescriptor InvalidConfigurationJson = Create(RuleIds.InvalidConfigurationJson, ConfigurationCategory, DiagnosticSeverity.Warning);
        public static readonly DiagnosticDescriptor InvalidConfigurationKey = Create(RuleIds.InvalidConfigurationKey, ConfigurationCategory, DiagnosticSeverity.Warning);
        public static readonly DiagnosticDescriptor UnresolvedConfigurationMember = Create(RuleIds.UnresolvedConfigurationMember, ConfigurationCategory, DiagnosticSeverity.Warning);
        public static readonly DiagnosticDescriptor InvalidOption = Create(RuleIds.InvalidOption, ConfigurationCategory, DiagnosticSeverity.Warning);
        public static readonly DiagnosticDescriptor InternalError = Create(RuleIds.InternalError, ConfigurationCategory, DiagnosticSeverity.Warning);

        public static readonly DiagnosticDescriptor AlgorithmFilingNotDisplayed = CreateProjectDuty(RuleIds.AlgorithmFilingNotDisplayed);
        public static readonly DiagnosticDescriptor ComplaintPortalMissing = CreateProjectDuty(RuleIds.ComplaintPortalMissing);
        public static readonly DiagnosticDescriptor AgreementLabelingSectionMissing = CreateProjectDuty(RuleIds.AgreementLabelingSectionMissing);
        public static readonly DiagnosticDescriptor SecurityAssessmentMissing = CreateProjectDuty(RuleIds.SecurityAssessmentMissing);
        public static readonly DiagnosticDescriptor LogRetentionTooShort = CreateProjectDuty(RuleIds.LogRetentionTooShort);
        public static readonly DiagnosticDescriptor RumorRefutationMissing = CreateProjectDuty(RuleIds.RumorRefutationMissing);
        public static readonly DiagnosticDescriptor MinorsPolicyMissing = CreateProjectDuty(RuleIds.MinorsPolicyMissing);

        public static readonly DiagnosticDescriptor InvalidManifestValue = Create(RuleIds.InvalidManifestValue, ConfigurationCategory, DiagnosticSeverity.Warning);
        public static readonly DiagnosticDescriptor ManifestRetentionTooShort = Create(RuleIds.ManifestRetentionTooShort, ConfigurationCategory, DiagnosticSeverity.Warning);
        public static readonly DiagnosticDescriptor ContradictoryConfiguration = Create(RuleIds.ContradictoryConfiguration, ConfigurationCategory, DiagnosticSeverity.Warning);

        public static string HelpLink(string id) => HelpLinkBase + id + ".md";

        private static DiagnosticDescriptor Create(string id, string category, DiagnosticSeverity severity) =>
            new DiagnosticDescriptor(
                id,
                DiagnosticMessages.Get(id + "_Title"),
                DiagnosticMessages.Get(id + "_Message"),
                category,
                severity,
                isEnabledByDefault: true,
                description: DiagnosticMessages.Get(id + "_Description"),
                helpLinkUri: HelpLink(id));

        /// <summary>
        /// Project duties are decided when the whole compilation has been seen (a route mapped anywhere, a face or voice
        /// API called anywhere), so they are compilation-end diagnostics: IDEs show them with full-solution analysis.
        /// </summary>
        private static DiagnosticDescriptor CreateProjectDuty(string id) =>
            new DiagnosticDescriptor(
                id,
                DiagnosticMessages.Get(id + "_Title"),
                DiagnosticMessages.Get(id + "_Message"),
                ComplianceCategory,
                DiagnosticSeverity.Warning,
                isEnabledByDefault: true,
                description: DiagnosticMessages.Get(id + "_Description"),
                helpLinkUri: HelpLink(id),
                customTags: WellKnownDiagnosticTags.CompilationEnd);
    }
}
