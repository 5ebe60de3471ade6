using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace DeepSynth.Analyzers.Flow
{
    /// <summary>One piece of content at a publish point or a generation call, with every fact that holds for it there.</summary>
    internal readonly struct PublishedPiece
    {
        public PublishedPiece(Origin origin, FactSet facts, bool checkValueFacts)
        {
            Origin = origin;
            Facts = facts;
            CheckValueFacts = checkValueFacts;
        }

        public Origin Origin { get; }

        /// <summary>Value facts of the piece and origin facts of its origin, at the point.</summary>
        public FactSet Facts { get; }

        /// <summary>
        /// False for content a callee generated and published itself: the callee's own analysis answers for its value and
        /// origin facts; the call site answers only for path facts.
        /// </summary>
        public bool CheckValueFacts { get; }
    }

    /// <summary>Generated content reaching people at one publish point.</summary>
    internal sealed class PublishEvent
    {
        public PublishEvent(Location at, ImmutableArray<PublishedPiece> pieces, FactSet pathFacts, bool atEntry, bool authorizeOnly, string? via, Location? viaPoint, ImmutableArray<Microsoft.CodeAnalysis.Text.TextSpan> carriers = default, ImmutableArray<Microsoft.CodeAnalysis.Text.TextSpan> holders = default)
        {
            At = at;
            Carriers = carriers.IsDefault ? ImmutableArray<Microsoft.CodeAnalysis.Text.TextSpan>.Empty : carriers;
            Holders = holders.IsDefault ? ImmutableArray<Microsoft.CodeAnalysis.Text.TextSpan>.Empty : holders;
            Pieces = pieces;
            PathFacts = pathFacts;
            AtEntry = atEntry;
            AuthorizeOnly = authorizeOnly;
            Via = via;
            ViaPoint = viaPoint;
        }

        /// <summary>The publish point: a return expression, a Results/Ok call, a SendAsync call, or a call to a method that publishes.</summary>
        public Location At { get; }

        public ImmutableArray<PublishedPiece> Pieces { get; }

        /// <summary>
        /// Spans in the publish point's file of the expressions (text, bytes, text streams) that carried generated content on
        /// the way here: what a code fix labels, reviews and records.
        /// </summary>
        public ImmutableArray<Microsoft.CodeAnalysis.Text.TextSpan> Carriers { get; }

        /// <summary>Spans, like <see cref="Carriers"/>, of the objects and lists (DTOs, string lists) that carried it.</summary>
        public ImmutableArray<Microsoft.CodeAnalysis.Text.TextSpan> Holders { get; }

        /// <summary>Path facts that hold here (in the publishing callee, for content published through a call).</summary>
        public FactSet PathFacts { get; }

        /// <summary>False where path duties are the callers' (code that is not an entry point).</summary>
        public bool AtEntry { get; }

        /// <summary>The endpoint has a plain [Authorize] that does not count as real-name verification.</summary>
        public bool AuthorizeOnly { get; }

        /// <summary>For a call to a method that publishes: the callee's name and its inner publish point.</summary>
        public string? Via { get; }

        public Location? ViaPoint { get; }
    }

    /// <summary>Content reaching a generation call (directly or through a callee) that lacks some fact a generation duty needs.</summary>
    internal sealed class GenerationEvent
    {
        public GenerationEvent(Location at, ImmutableArray<PublishedPiece> inputs, string? via, Location? viaPoint)
        {
            At = at;
            Inputs = inputs;
            Via = via;
            ViaPoint = viaPoint;
        }

        public Location At { get; }

        public ImmutableArray<PublishedPiece> Inputs { get; }

        public string? Via { get; }

        public Location? ViaPoint { get; }
    }

    /// <summary>
    /// A call that a duty guards (a face or voice edit), with the path facts that hold there; at an entry point, or in code
    /// that is not one when the call lacks some of them (its callers may still establish them: see <see cref="AtEntry"/>).
    /// </summary>
    internal sealed class GuardedCallEvent
    {
        public GuardedCallEvent(Location at, Catalogue.GuardedCallKind kind, string callee, FactSet pathFacts, bool atEntry, string? via, Location? viaPoint)
        {
            At = at;
            Kind = kind;
            Callee = callee;
            PathFacts = pathFacts;
            AtEntry = atEntry;
            Via = via;
            ViaPoint = viaPoint;
        }

        public Location At { get; }

        public Catalogue.GuardedCallKind Kind { get; }

        /// <summary>The guarded member ("IFaceSwapEngine.SwapAsync").</summary>
        public string Callee { get; }

        public FactSet PathFacts { get; }

        /// <summary>False where the duty is the callers' (code that is not an entry point): not reported there.</summary>
        public bool AtEntry { get; }

        /// <summary>For a call to a method that makes the guarded call: the callee's name and the inner call.</summary>
        public string? Via { get; }

        public Location? ViaPoint { get; }
    }

    /// <summary>What was done with the result of a compliance step that returns its outcome.</summary>
    internal enum IgnoredOutcome
    {
        /// <summary>The labeled copy was discarded (the original goes on).</summary>
        LabeledCopyDiscarded,

        /// <summary>A verdict (a review or moderation result) was never acted on.</summary>
        VerdictNotActedOn,

        /// <summary>A check's boolean was never tested.</summary>
        CheckNotTested,
    }

    /// <summary>A compliance step whose result is ignored: reported once here, and the step counts as done for its duty.</summary>
    internal sealed class IgnoredStepEvent
    {
        public IgnoredStepEvent(Location at, string step, IgnoredOutcome outcome)
        {
            At = at;
            Step = step;
            Outcome = outcome;
        }

        public Location At { get; }

        public string Step { get; }

        public IgnoredOutcome Outcome { get; }
    }

    /// <summary>
    /// A step that makes a copy carrying <see cref="Fact"/> (an encoder that drops metadata) was applied to content of
    /// these origins here, directly or through a callee (<see cref="Via"/>).
    /// </summary>
    internal sealed class StepEvent
    {
        public StepEvent(Location at, Fact fact, ImmutableArray<Origin> origins, string step, string? via)
        {
            At = at;
            Fact = fact;
            Origins = origins;
            Step = step;
            Via = via;
        }

        public Location At { get; }

        public Fact Fact { get; }

        public ImmutableArray<Origin> Origins { get; }

        /// <summary>The step's display name ("SKImage.Encode").</summary>
        public string Step { get; }

        /// <summary>For a call to a method that applies the step: the callee's name.</summary>
        public string? Via { get; }
    }

    /// <summary>Receives what the engine finds while it runs over a method.</summary>
    internal interface IFlowEventSink
    {
        void OnPublish(PublishEvent publish);

        void OnGeneration(GenerationEvent generation);

        void OnGuardedCall(GuardedCallEvent call);

        void OnIgnoredStep(IgnoredStepEvent step);

        /// <summary>A step that makes a copy (<see cref="ComplianceStep.MakesCopy"/>) was applied.</summary>
        void OnStep(StepEvent step);
    }
}
