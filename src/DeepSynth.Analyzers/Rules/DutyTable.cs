using System.Collections.Immutable;
using System.Linq;
using DeepSynth.Analyzers.Catalogue;
using DeepSynth.Analyzers.Flow;
using DeepSynth.Analyzers.Resources;
using Microsoft.CodeAnalysis;

namespace DeepSynth.Analyzers.Rules
{
    /// <summary>
    /// The flow duties as data: the facts they need (with the scope that decides how the engine carries each), the
    /// compliance steps that establish them, and where each rule checks which fact. A new rule whose fact's scope exists is
    /// one <see cref="FlowDuty"/> row naming its rule's row in <see cref="RuleTable"/> (plus messages, docs and tests); the engine does not change.
    /// </summary>
    internal static class DutyTable
    {
        /// <summary>The content carries an AI-generated label (it went through a labeler).</summary>
        public static readonly Fact Labeled = new Fact(0, "labeled", FactScope.Value);

        /// <summary>The content of the origin was reviewed (input or output review).</summary>
        public static readonly Fact Reviewed = new Fact(1, "reviewed", FactScope.Origin);

        /// <summary>
        /// The generation was recorded in the audit log (user input is not a generation: an audit record does not cover it).
        /// A record written after the content was saved, in the same method, covers the saved copy.
        /// </summary>
        public static readonly Fact Audited = new Fact(2, "audited", FactScope.Origin, coversUserInput: false, coversEarlierStores: true);

        /// <summary>The user's real identity is verified on this path.</summary>
        public static readonly Fact IdentityVerified = new Fact(3, "identity verified", FactScope.Path);

        /// <summary>A label notice was published earlier on this path (it labels the text streamed after it, not a caller's).</summary>
        public static readonly Fact LabelNoticeShown = new Fact(4, "label notice shown", FactScope.Path, holdsForCallers: false);

        /// <summary>The separate consent of the person whose face is edited was verified on this path (DSP 14 ¶2).</summary>
        public static readonly Fact FaceConsent = new Fact(10, "face consent verified", FactScope.Path);

        /// <summary>The separate consent of the person whose voice is edited was verified on this path (DSP 14 ¶2).</summary>
        public static readonly Fact VoiceConsent = new Fact(11, "voice consent verified", FactScope.Path);

        /// <summary>
        /// The content's label was removed after it was labeled: re-encoded by an encoder that drops metadata (the AIGC
        /// block), or the label text or AIGC meta tag cut out of it. Cleared by labeling again. Index 12 and up: other
        /// rules' facts take the low indexes.
        /// </summary>
        public static readonly Fact LabelRemoved = new Fact(12, "label removed", FactScope.Value, undoes: Labeled);

        /// <summary>
        /// The user asked for output without the explicit label on this path (a "raw" or "unlabeled" option, a preference
        /// that hides the label): a check read from a boolean so named (see <see cref="KnownApis.UnlabeledRequestNames"/>).
        /// </summary>
        public static readonly Fact UnlabeledRequested = new Fact(13, "unlabeled output requested", FactScope.Path);

        /// <summary>The user's agreement to their labeling duty was checked and the recipient logged (IUnlabeledExportGate).</summary>
        public static readonly Fact UnlabeledExportAuthorized = new Fact(14, "unlabeled export authorized", FactScope.Path);

        /// <summary>An upload's implicit label was inspected on a platform (IPropagationInspector.Inspect): it covers user input.</summary>
        public static readonly Fact PropagationInspected = new Fact(15, "propagation inspected", FactScope.Origin);


        /// <summary>What each kind of compliance step establishes.</summary>
        public static ComplianceStep? StepFor(StepKind kind)
        {
            switch (kind)
            {
                case StepKind.Labeler:
                    return LabelerStep;
                case StepKind.Reviewer:
                    return ReviewerStep;
                case StepKind.Auditor:
                    return AuditorStep;
                case StepKind.IdentityVerifier:
                    return IdentityStep;
                case StepKind.ConsentVerifier:
                    return ConsentStep;
                case StepKind.MetadataStripper:
                    return StripperStep;
                case StepKind.UnlabeledRequest:
                    return UnlabeledRequestStep;
                case StepKind.UnlabeledRequestWhenFalse:
                    return UnlabeledRequestWhenFalseStep;
                case StepKind.UnlabeledExportGate:
                    return UnlabeledExportGateStep;
                case StepKind.PropagationInspector:
                    return PropagationInspectorStep;
                default:
                    return null;
            }
        }

        /// <summary>What endpoint metadata that requires real-name verification establishes for the handler's body.</summary>
        public static readonly FactSet RealNameEndpointFacts = IdentityVerified.Set;

        /// <summary>The rules checked along the flow, in the order their diagnostics are reported.</summary>
        public static readonly ImmutableArray<FlowDuty> FlowDuties = ImmutableArray.Create(
            FlowDuty.AtPublish(RuleTable.UnlabeledContent.Id, Labeled, alternative: LabelNoticeShown, alternativeMedia: MediaKind.Text, notOnPath: UnlabeledRequested),
            FlowDuty.AtPublish(RuleTable.UnverifiedIdentity.Id, IdentityVerified, note: publish => publish.AuthorizeOnly ? DiagnosticMessages.Get("Note_AuthorizeIsNotRealName") : null),
            FlowDuty.AtPublish(RuleTable.UnreviewedOutput.Id, Reviewed),
            FlowDuty.AtGeneration(RuleTable.UnreviewedInput.Id, Reviewed, OriginKind.UserInput),
            FlowDuty.AtPublish(RuleTable.UnauditedGeneration.Id, Audited),
            FlowDuty.AtCall(RuleTable.EditWithoutConsent.Id, FaceConsent, GuardedCallKind.FaceEdit),
            FlowDuty.AtCall(RuleTable.EditWithoutConsent.Id, VoiceConsent, GuardedCallKind.VoiceEdit),
            FlowDuty.AtUndoingStep(RuleTable.LabelStripped.Id, LabelRemoved),
            FlowDuty.AtPublish(RuleTable.UnlabeledExportUnchecked.Id, Labeled, onlyOnPath: UnlabeledRequested, note: publish =>
                DiagnosticMessages.Get(publish.PathFacts.Has(UnlabeledExportAuthorized) ? "Note_ImplicitLabelMustStay" : "Note_AgreementNotChecked")),
            FlowDuty.AtPublishOfInput(RuleTable.UninspectedUpload.Id, PropagationInspected));

        /// <summary>The descriptor the engine's ignored step results (not a duty: a step whose result is dropped) are reported with.</summary>
        public static DiagnosticDescriptor IgnoredStepResults => RuleDescriptors.For(RuleTable.IgnoredStepResult.Id);

        /// <summary>The facts by scope, with the ones the duties check at entry points and at generation calls.</summary>
        public static readonly FactCatalog Facts = new FactCatalog(
            new[] { Labeled, Reviewed, Audited, IdentityVerified, LabelNoticeShown, FaceConsent, VoiceConsent, LabelRemoved, UnlabeledRequested, UnlabeledExportAuthorized, PropagationInspected },
            entryPathFacts: FactSet.Of(FlowDuties.Where(d => d.Point != DutyPoint.Generation && d.Required.Scope == FactScope.Path).Select(d => d.Required)),
            generationFacts: FactSet.Of(FlowDuties.Where(d => d.Point == DutyPoint.Generation).Select(d => d.Required)));

        private static readonly ComplianceStep LabelerStep = new ComplianceStep(Labeled, noticeFact: LabelNoticeShown);
        private static readonly ComplianceStep ReviewerStep = new ComplianceStep(Reviewed, resultIsOutcome: true);
        private static readonly ComplianceStep AuditorStep = new ComplianceStep(Audited, coversAllArguments: true);
        private static readonly ComplianceStep IdentityStep = new ComplianceStep(IdentityVerified);

        /// <summary>Consent is per kind: the BiometricKind argument says which; one that is not a constant counts for both.</summary>
        private static readonly ComplianceStep ConsentStep = new ComplianceStep(
            FaceConsent,
            kindArgument: new StepKindArgument("BiometricKind", ImmutableDictionary.CreateRange(new[]
            {
                new System.Collections.Generic.KeyValuePair<string, Fact>("Face", FaceConsent),
                new System.Collections.Generic.KeyValuePair<string, Fact>("Voice", VoiceConsent),
            })));
        private static readonly ComplianceStep StripperStep = new ComplianceStep(LabelRemoved, makesCopy: true);
        private static readonly ComplianceStep UnlabeledRequestStep = new ComplianceStep(UnlabeledRequested);
        private static readonly ComplianceStep UnlabeledRequestWhenFalseStep = new ComplianceStep(UnlabeledRequested, holdsWhenFalse: true);
        private static readonly ComplianceStep UnlabeledExportGateStep = new ComplianceStep(UnlabeledExportAuthorized);
        private static readonly ComplianceStep PropagationInspectorStep = new ComplianceStep(PropagationInspected);
    }
}
