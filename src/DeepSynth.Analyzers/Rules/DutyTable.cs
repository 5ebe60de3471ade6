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
    /// one <see cref="FlowDuty"/> row (plus its descriptor row, messages, docs and tests); the engine does not change.
    /// </summary>
    internal static class DutyTable
    {
        /// <summary>The content carries an AI-generated label (it went through a labeler).</summary>
        public static readonly Fact Labeled = new Fact(0, "labeled", FactScope.Value);

        /// <summary>The content of the origin was reviewed (input or output review).</summary>
        public static readonly Fact Reviewed = new Fact(1, "reviewed", FactScope.Origin);

        /// <summary>The generation was recorded in the audit log (user input is not a generation: an audit record does not cover it).</summary>
        public static readonly Fact Audited = new Fact(2, "audited", FactScope.Origin, coversUserInput: false);

        /// <summary>The user's real identity is verified on this path.</summary>
        public static readonly Fact IdentityVerified = new Fact(3, "identity verified", FactScope.Path);

        /// <summary>A label notice was published earlier on this path (it labels the text streamed after it, not a caller's).</summary>
        public static readonly Fact LabelNoticeShown = new Fact(4, "label notice shown", FactScope.Path, holdsForCallers: false);


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
                default:
                    return null;
            }
        }

        /// <summary>What endpoint metadata that requires real-name verification establishes for the handler's body.</summary>
        public static readonly FactSet RealNameEndpointFacts = IdentityVerified.Set;

        /// <summary>The rules checked along the flow, in the order their diagnostics are reported.</summary>
        public static readonly ImmutableArray<FlowDuty> FlowDuties = ImmutableArray.Create(
            FlowDuty.AtPublish(RuleIds.UnlabeledContent, Labeled, alternative: LabelNoticeShown, alternativeMedia: MediaKind.Text),
            FlowDuty.AtPublish(RuleIds.UnverifiedIdentity, IdentityVerified, note: publish => publish.AuthorizeOnly ? DiagnosticMessages.Get("Note_AuthorizeIsNotRealName") : null),
            FlowDuty.AtPublish(RuleIds.UnreviewedOutput, Reviewed),
            FlowDuty.AtGeneration(RuleIds.UnreviewedInput, Reviewed, OriginKind.UserInput),
            FlowDuty.AtPublish(RuleIds.UnauditedGeneration, Audited));

        /// <summary>The facts by scope, with the ones the duties check at entry points and at generation calls.</summary>
        public static readonly FactCatalog Facts = new FactCatalog(
            new[] { Labeled, Reviewed, Audited, IdentityVerified, LabelNoticeShown },
            entryPathFacts: FactSet.Of(FlowDuties.Where(d => d.Point == DutyPoint.Publish && d.Required.Scope == FactScope.Path).Select(d => d.Required)),
            generationFacts: FactSet.Of(FlowDuties.Where(d => d.Point == DutyPoint.Generation).Select(d => d.Required)));

        private static readonly ComplianceStep LabelerStep = new ComplianceStep(Labeled, noticeFact: LabelNoticeShown);
        private static readonly ComplianceStep ReviewerStep = new ComplianceStep(Reviewed);
        private static readonly ComplianceStep AuditorStep = new ComplianceStep(Audited, coversAllArguments: true);
        private static readonly ComplianceStep IdentityStep = new ComplianceStep(IdentityVerified);
    }
}
