using System;
using System.Collections.Generic;
using DeepSynth.Analyzers.Catalogue;
using DeepSynth.Analyzers.Flow;
using Microsoft.CodeAnalysis;

namespace DeepSynth.Analyzers.Rules
{
    /// <summary>Where a flow duty is checked.</summary>
    internal enum DutyPoint
    {
        /// <summary>Where generated content reaches people.</summary>
        Publish,

        /// <summary>At a generation call, for what flows into it.</summary>
        Generation,

        /// <summary>At a call the catalogue marks as guarded (a face or voice edit), for the path facts that hold there.</summary>
        Call,

        /// <summary>
        /// At the step that undid a fact (an encoder that dropped the label's metadata), when content carrying both the
        /// fact and the undoing fact is published.
        /// </summary>
        UndoingStep,
    }

    /// <summary>
    /// One flow rule as data: the fact it needs, where it is checked, and what else satisfies it. A path fact is checked at
    /// entry points only (elsewhere the callers answer for it, the engine defers it to them); value and origin facts are
    /// checked for each piece of generated content at the point.
    /// </summary>
    internal sealed class FlowDuty
    {
        private readonly Func<PublishEvent, LocalizableString?>? _note;

        private FlowDuty(string ruleId, DutyPoint point, Fact required, OriginKind checkedOrigins, Fact? alternative, MediaKind alternativeMedia, Func<PublishEvent, LocalizableString?>? note,
            Fact? onlyOnPath = null, Fact? notOnPath = null, GuardedCallKind calls = GuardedCallKind.None)
        {
            Calls = calls;
            OnlyOnPath = onlyOnPath;
            NotOnPath = notOnPath;
            RuleId = ruleId;
            Point = point;
            Required = required;
            CheckedOrigins = checkedOrigins;
            Alternative = alternative;
            AlternativeMedia = alternativeMedia;
            _note = note;
        }

        public string RuleId { get; }

        public DutyPoint Point { get; }

        public Fact Required { get; }

        /// <summary>Content of which origin the duty is about (generated content at publish points, user input at generation calls).</summary>
        public OriginKind CheckedOrigins { get; }

        /// <summary>A path fact that satisfies the duty instead, for content of <see cref="AlternativeMedia"/> (a label notice for streamed text).</summary>
        public Fact? Alternative { get; }

        public MediaKind AlternativeMedia { get; }

        /// <summary>A path fact the duty applies under only (an unlabeled output the user asked for: DSYN009).</summary>
        public Fact? OnlyOnPath { get; }

        /// <summary>A path fact under which another duty takes over (DSYN001 gives way to DSYN009 where the user asked for no label).</summary>
        public Fact? NotOnPath { get; }

        /// <summary>Where the duty applies only to projects of some roles (a propagation platform): the duty key's roles decide.</summary>
        public bool ByRole { get; private set; }

        public DiagnosticDescriptor Descriptor => RuleDescriptors.For(RuleId);

        /// <summary>For duties checked at guarded calls: which calls.</summary>
        public GuardedCallKind Calls { get; }

        /// <summary>A path fact that must hold at every call of a kind the catalogue marks (the consent of the person whose face is edited).</summary>
        public static FlowDuty AtCall(string ruleId, Fact required, GuardedCallKind calls) =>
            new FlowDuty(ruleId, DutyPoint.Call, required, OriginKind.Generation, null, MediaKind.Text, null, calls: calls);

        /// <summary>Whether the guarded call lacks the duty's fact where it is checked (at entry points; elsewhere callers answer).</summary>
        public bool IsMissingAt(GuardedCallEvent call) => call.Kind == Calls && call.AtEntry && !call.PathFacts.Has(Required);

        public static FlowDuty AtPublish(string ruleId, Fact required, Fact? alternative = null, MediaKind alternativeMedia = MediaKind.Text, Func<PublishEvent, LocalizableString?>? note = null,
            Fact? onlyOnPath = null, Fact? notOnPath = null) =>
            new FlowDuty(ruleId, DutyPoint.Publish, required, OriginKind.Generation, alternative, alternativeMedia, note, onlyOnPath, notOnPath);

        /// <summary>
        /// A duty about user input that reaches people (what a platform publishes from uploads), for projects whose roles
        /// bear the rule's duty (<see cref="ByRole"/>).
        /// </summary>
        public static FlowDuty AtPublishOfInput(string ruleId, Fact required) =>
            new FlowDuty(ruleId, DutyPoint.Publish, required, OriginKind.UserInput, null, MediaKind.Text, null) { ByRole = true };

        public static FlowDuty AtGeneration(string ruleId, Fact required, OriginKind checkedOrigins) =>
            new FlowDuty(ruleId, DutyPoint.Generation, required, checkedOrigins, null, MediaKind.Text, null);

        /// <summary>
        /// A duty broken by a step that undoes a fact (<paramref name="undoing"/>, with <see cref="Fact.Undoes"/>): content
        /// that had the undone fact and still carries the undoing one when published is reported at the step.
        /// </summary>
        public static FlowDuty AtUndoingStep(string ruleId, Fact undoing) =>
            new FlowDuty(ruleId, DutyPoint.UndoingStep, undoing, OriginKind.Generation, null, MediaKind.Text, null);

        /// <summary>For <see cref="DutyPoint.UndoingStep"/> duties: the published origins whose fact was undone and not established again.</summary>
        public IEnumerable<Origin> UndoneAt(PublishEvent publish)
        {
            if (Point != DutyPoint.UndoingStep || Required.Undoes is not { } undone)
            {
                yield break;
            }

            foreach (var piece in publish.Pieces)
            {
                if (piece.Origin.Kind == CheckedOrigins && piece.CheckValueFacts && piece.Facts.Has(Required) && piece.Facts.Has(undone))
                {
                    yield return piece.Origin;
                }
            }
        }

        /// <summary>The origins of the content at this publish point that lack the duty.</summary>
        public IEnumerable<Origin> MissingAt(PublishEvent publish)
        {
            if ((OnlyOnPath != null && !publish.PathFacts.Has(OnlyOnPath)) || (NotOnPath != null && publish.PathFacts.Has(NotOnPath)))
            {
                yield break;
            }

            if (Required.Scope == FactScope.Path)
            {
                if (!publish.AtEntry || publish.PathFacts.Has(Required))
                {
                    yield break;
                }

                foreach (var piece in publish.Pieces)
                {
                    if (piece.Origin.Kind == CheckedOrigins)
                    {
                        yield return piece.Origin;
                    }
                }

                yield break;
            }

            foreach (var piece in publish.Pieces)
            {
                if (piece.Origin.Kind == CheckedOrigins && piece.CheckValueFacts && !IsSatisfied(piece, publish.PathFacts))
                {
                    yield return piece.Origin;
                }
            }
        }

        /// <summary>The inputs of this generation call that lack the duty.</summary>
        public IEnumerable<Origin> MissingAt(GenerationEvent generation)
        {
            foreach (var input in generation.Inputs)
            {
                if (input.Origin.Kind == CheckedOrigins && !input.Facts.Has(Required))
                {
                    yield return input.Origin;
                }
            }
        }

        /// <summary>Extra context for the message ({1}): the rule's own note, else where the callee published.</summary>
        public LocalizableString? Note(PublishEvent publish) => _note?.Invoke(publish) ?? FlowDiagnostics.ViaNote(publish);

        private bool IsSatisfied(PublishedPiece piece, FactSet pathFacts) =>
            piece.Facts.Has(Required) ||
            (Alternative != null && piece.Origin.Media == AlternativeMedia && pathFacts.Has(Alternative));
    }
}
