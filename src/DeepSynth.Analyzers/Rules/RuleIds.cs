namespace DeepSynth.Analyzers.Rules
{
    /// <summary>Every diagnostic ID the analyzers report. IDs are a public contract: never reuse one.</summary>
#if DEEPSYNTH_LINKED
    internal
#else
    public
#endif
    static class RuleIds
    {
        public const string UnlabeledContent = "DSYN001";
        public const string UnverifiedIdentity = "DSYN002";
        public const string UnreviewedOutput = "DSYN003";
        public const string UnreviewedInput = "DSYN004";
        public const string UnauditedGeneration = "DSYN005";
        public const string EditWithoutConsent = "DSYN006";
        public const string IgnoredStepResult = "DSYN008";

        // Constant label texts and AIGC metadata (LabelTextAnalyzer, AigcMetadataAnalyzer), reported at the value.
        public const string LabelTextIncomplete = "DSYN010";
        public const string MalformedAigcMetadata = "DSYN011";
        public const string LabelStripped = "DSYN007";
        public const string UnlabeledExportUnchecked = "DSYN009";
        public const string UninspectedUpload = "DSYN012";

        public const string InvalidConfigurationJson = "DSYN901";
        public const string InvalidConfigurationKey = "DSYN902";
        public const string UnresolvedConfigurationMember = "DSYN903";
        public const string InvalidOption = "DSYN904";
        public const string InternalError = "DSYN999";

        // Project-level duties (ProjectDutiesAnalyzer), reported at deepsynth.json or at the code that shows the gap.
        public const string AlgorithmFilingNotDisplayed = "DSYN101";
        public const string ComplaintPortalMissing = "DSYN102";
        public const string AgreementLabelingSectionMissing = "DSYN103";
        public const string SecurityAssessmentMissing = "DSYN104";
        public const string LogRetentionTooShort = "DSYN105";
        public const string RumorRefutationMissing = "DSYN106";
        public const string MinorsPolicyMissing = "DSYN107";

        // Manifest errors (ProjectDutiesAnalyzer).
        public const string InvalidManifestValue = "DSYN905";
        public const string ManifestRetentionTooShort = "DSYN906";

        // Configuration that says two things (a key given twice, a member with two roles); reported by ContentFlowAnalyzer.
        public const string ContradictoryConfiguration = "DSYN907";

        // The SDK's services are injected but never registered (ComplianceRegistrationAnalyzer).
        public const string ComplianceNotRegistered = "DSYN908";

        // A referenced package lacks APIs the catalogue knows for it (ContentFlowAnalyzer): their calls are not analysed.
        public const string CatalogueRowMissing = "DSYN909";

        // MSBuild messages (the report task and the package targets), documented like rules but not analyzer diagnostics.
        public const string ReportProblem = "DSYN950";
        public const string PackageProblem = "DSYN951";
    }
}
