using System;
using System.Collections.Generic;
using System.Linq;

namespace DeepSynth.Analyzers.Rules
{
    /// <summary>Which part of the product reports a rule.</summary>
    internal enum RuleReporter
    {
        ContentFlowAnalyzer,
        ProjectDutiesAnalyzer,
        ComplianceRegistrationAnalyzer,
        LabelTextAnalyzer,
        AigcMetadataAnalyzer,

        /// <summary>An MSBuild message of the report task or the package targets: not an analyzer rule, not release-tracked.</summary>
        Build,
    }

    /// <summary>A default severity, without a reference to Roslyn (the build task links this file).</summary>
    internal enum RuleSeverity
    {
        Info,
        Warning,
        Error,
    }

    /// <summary>
    /// One rule's metadata. Titles, messages and descriptions are in the resources (en, zh-Hans); the help link derives
    /// from the id. Everything else about a rule is here, and descriptors, SupportedDiagnostics, the CLI's rule lists, the
    /// fix order, the severity presets, the README rules table and the duties table derive from it.
    /// </summary>
    internal sealed class RuleRow
    {
        public RuleRow(string id, string category, RuleReporter reporter, string releaseNote, string? duty = null, int fixOrder = 0,
            bool compilationEnd = false, RuleSeverity severity = RuleSeverity.Warning, RuleReporter? alsoReportedBy = null)
        {
            AlsoReportedBy = alsoReportedBy;
            Id = id;
            Category = category;
            Reporter = reporter;
            ReleaseNote = releaseNote;
            Duty = duty;
            FixOrder = fixOrder;
            CompilationEnd = compilationEnd;
            Severity = severity;
        }

        public string Id { get; }

        public string Category { get; }

        public RuleReporter Reporter { get; }

        /// <summary>A second analyzer that reports the rule too (configuration problems both analyzers can meet).</summary>
        public RuleReporter? AlsoReportedBy { get; }

        public bool IsReportedBy(RuleReporter reporter) => Reporter == reporter || AlsoReportedBy == reporter;

        /// <summary>The note of the rule's row in AnalyzerReleases.Unshipped.md.</summary>
        public string ReleaseNote { get; }

        /// <summary>The key of the duty in <c>ComplianceDuties</c> the rule checks; null for configuration rules.</summary>
        public string? Duty { get; }

        /// <summary>
        /// Position in the order fixes are applied (1 first), 0 when the rule has no code fix. Inputs are reviewed before the
        /// generation they feed, identity is required before anything is published, output is reviewed before it is recorded,
        /// and the label is added last, to the text that is finally published: each fix finds the code the earlier left.
        /// </summary>
        public int FixOrder { get; }

        /// <summary>Decided once the whole compilation has been seen (IDEs show it with full-solution analysis).</summary>
        public bool CompilationEnd { get; }

        public RuleSeverity Severity { get; }

        public bool IsAnalyzerRule => Reporter != RuleReporter.Build;
    }

    /// <summary>Every rule, in id order.</summary>
    internal static class RuleTable
    {
        public const string Compliance = "Compliance";
        public const string Configuration = "Configuration";
        public const string HelpLinkBase = "https://github.com/deepsynth/deepsynth-analyzers/blob/main/docs/rules/";

        private const RuleReporter Flow = RuleReporter.ContentFlowAnalyzer;
        private const RuleReporter Project = RuleReporter.ProjectDutiesAnalyzer;

        // The flow rules' rows, named: DutyTable.FlowDuties refers to each rule by its row, so a flow rule's id is named in
        // RuleIds.cs and here only (ArchitectureTests). Declared before All, which holds them.
        public static readonly RuleRow UnlabeledContent = new RuleRow(RuleIds.UnlabeledContent, Compliance, Flow, "generated content published without an AI-generated label", "label", fixOrder: 5);
        public static readonly RuleRow UnverifiedIdentity = new RuleRow(RuleIds.UnverifiedIdentity, Compliance, Flow, "generated content published without real-identity verification", "realName", fixOrder: 2);
        public static readonly RuleRow UnreviewedOutput = new RuleRow(RuleIds.UnreviewedOutput, Compliance, Flow, "generated content published without review", "outputReview", fixOrder: 3);
        public static readonly RuleRow UnreviewedInput = new RuleRow(RuleIds.UnreviewedInput, Compliance, Flow, "user input reaches a generator without review", "inputReview", fixOrder: 1);
        public static readonly RuleRow UnauditedGeneration = new RuleRow(RuleIds.UnauditedGeneration, Compliance, Flow, "generation not recorded in the audit log", "auditLog", fixOrder: 4);
        public static readonly RuleRow EditWithoutConsent = new RuleRow(RuleIds.EditWithoutConsent, Compliance, Flow, "face or voice edited without the separate consent of the person edited", "consent", fixOrder: 6);
        public static readonly RuleRow IgnoredStepResult = new RuleRow(RuleIds.IgnoredStepResult, Compliance, Flow, "result of a compliance step ignored (labeled copy discarded, verdict or check not acted on)", "stepResults", fixOrder: 7);
        public static readonly RuleRow LabelStripped = new RuleRow(RuleIds.LabelStripped, Compliance, Flow, "label or AIGC metadata stripped: generated file re-encoded without relabeling", "keepLabel", fixOrder: 8);
        public static readonly RuleRow UnlabeledExportUnchecked = new RuleRow(RuleIds.UnlabeledExportUnchecked, Compliance, Flow, "unlabeled output at the user's request without agreement check and recipient log, or without the implicit label", "unlabeledExport", fixOrder: 9);
        public static readonly RuleRow UninspectedUpload = new RuleRow(RuleIds.UninspectedUpload, Compliance, Flow, "uploaded content published without AIGC inspection (propagation platform)", "propagation", fixOrder: 10);

        public static readonly IReadOnlyList<RuleRow> All = new[]
        {
            UnlabeledContent, UnverifiedIdentity, UnreviewedOutput, UnreviewedInput, UnauditedGeneration, EditWithoutConsent, IgnoredStepResult, LabelStripped, UnlabeledExportUnchecked, UninspectedUpload,
            new RuleRow(RuleIds.LabelTextIncomplete, Compliance, RuleReporter.LabelTextAnalyzer, "label text lacks the AI element or the generation element", "labelText"),
            new RuleRow(RuleIds.MalformedAigcMetadata, Compliance, RuleReporter.AigcMetadataAnalyzer, "constant AIGC metadata breaks GB 45438 Annex E", "implicitLabel"),
            new RuleRow(RuleIds.AlgorithmFilingNotDisplayed, Compliance, Project, "algorithm filing number not configured or not displayed", "filing", compilationEnd: true),
            new RuleRow(RuleIds.ComplaintPortalMissing, Compliance, Project, "complaint and report portal or feedback time limit missing", "complaints", compilationEnd: true),
            new RuleRow(RuleIds.AgreementLabelingSectionMissing, Compliance, Project, "user agreement has no labeling section", "agreement", compilationEnd: true),
            new RuleRow(RuleIds.SecurityAssessmentMissing, Compliance, Project, "no security assessment for face or voice synthesis or public-opinion features", "assessment", compilationEnd: true),
            new RuleRow(RuleIds.LogRetentionTooShort, Compliance, Project, "logs not kept for at least 180 days", "retention", compilationEnd: true),
            new RuleRow(RuleIds.RumorRefutationMissing, Compliance, Project, "no rumor-refutation mechanism declared", "rumors", compilationEnd: true),
            new RuleRow(RuleIds.MinorsPolicyMissing, Compliance, Project, "applicable users and minors policy not declared", "minors", compilationEnd: true),
            new RuleRow(RuleIds.InvalidConfigurationJson, Configuration, Flow, "deepsynth.json is not valid JSON"),
            new RuleRow(RuleIds.InvalidConfigurationKey, Configuration, Flow, "unknown or mistyped key in deepsynth.json", alsoReportedBy: Project),
            new RuleRow(RuleIds.UnresolvedConfigurationMember, Configuration, Flow, "deepsynth.json names a member that does not exist"),
            new RuleRow(RuleIds.InvalidOption, Configuration, Flow, "invalid DeepSynth option in .editorconfig"),
            new RuleRow(RuleIds.InvalidManifestValue, Configuration, Project, "invalid value in deepsynth.json", alsoReportedBy: Flow),
            new RuleRow(RuleIds.ManifestRetentionTooShort, Configuration, Project, "deepsynth.json declares a log retention shorter than 180 days", "retention"),
            new RuleRow(RuleIds.ComplianceNotRegistered, Configuration, RuleReporter.ComplianceRegistrationAnalyzer, "DeepSynth compliance services injected but AddDeepSynthCompliance never called", compilationEnd: true),
            new RuleRow(RuleIds.CatalogueRowMissing, Configuration, Flow, "a referenced package lacks APIs DeepSynth knows for it: their calls are not analysed", compilationEnd: true, severity: RuleSeverity.Info),
            new RuleRow(RuleIds.ContradictoryConfiguration, Configuration, Flow, "contradictory settings in deepsynth.json (a key given twice, a member with two roles)"),
            new RuleRow(RuleIds.ReportProblem, Configuration, RuleReporter.Build, "the compliance report task could not run as configured (a bad DeepSynthFailOn, an input it cannot read)"),
            new RuleRow(RuleIds.PackageProblem, Configuration, RuleReporter.Build, "the package targets found an invalid DeepSynthPreset"),
            new RuleRow(RuleIds.InternalError, Configuration, Flow, "internal error while analysing a member", alsoReportedBy: Project),
        }.OrderBy(r => r.Id, StringComparer.Ordinal).ToArray();

        public static RuleRow Get(string id) =>
            All.FirstOrDefault(r => r.Id == id) ?? throw new ArgumentException("No rule " + id + " in the rule table", nameof(id));

        public static IEnumerable<RuleRow> ReportedBy(RuleReporter reporter) => All.Where(r => r.IsReportedBy(reporter));

        public static string HelpLink(string id) => HelpLinkBase + id + ".md";

        /// <summary>The rules that have a code fix, in the order fixes are applied.</summary>
        public static IReadOnlyList<string> FixOrder { get; } = All.Where(r => r.FixOrder > 0).OrderBy(r => r.FixOrder).Select(r => r.Id).ToArray();
    }
}

#if !DEEPSYNTH_LINKED
namespace DeepSynth.Analyzers.Rules
{
    /// <summary>
    /// The flow rules' descriptors by name, where release tracking (RS2002) sees each id; each is the table's descriptor
    /// (<see cref="RuleDescriptors.For"/>). Made only when first read, after <see cref="RuleTable"/>.
    /// </summary>
    internal static class FlowRuleDescriptors
    {
        public static readonly Microsoft.CodeAnalysis.DiagnosticDescriptor UnlabeledContent = RuleDescriptors.For(RuleIds.UnlabeledContent);
        public static readonly Microsoft.CodeAnalysis.DiagnosticDescriptor UnverifiedIdentity = RuleDescriptors.For(RuleIds.UnverifiedIdentity);
        public static readonly Microsoft.CodeAnalysis.DiagnosticDescriptor UnreviewedOutput = RuleDescriptors.For(RuleIds.UnreviewedOutput);
        public static readonly Microsoft.CodeAnalysis.DiagnosticDescriptor UnreviewedInput = RuleDescriptors.For(RuleIds.UnreviewedInput);
        public static readonly Microsoft.CodeAnalysis.DiagnosticDescriptor UnauditedGeneration = RuleDescriptors.For(RuleIds.UnauditedGeneration);
        public static readonly Microsoft.CodeAnalysis.DiagnosticDescriptor EditWithoutConsent = RuleDescriptors.For(RuleIds.EditWithoutConsent);
        public static readonly Microsoft.CodeAnalysis.DiagnosticDescriptor IgnoredStepResult = RuleDescriptors.For(RuleIds.IgnoredStepResult);
        public static readonly Microsoft.CodeAnalysis.DiagnosticDescriptor LabelStripped = RuleDescriptors.For(RuleIds.LabelStripped);
        public static readonly Microsoft.CodeAnalysis.DiagnosticDescriptor UnlabeledExportUnchecked = RuleDescriptors.For(RuleIds.UnlabeledExportUnchecked);
        public static readonly Microsoft.CodeAnalysis.DiagnosticDescriptor UninspectedUpload = RuleDescriptors.For(RuleIds.UninspectedUpload);
    }
}
#endif
