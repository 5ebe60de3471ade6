using System.Collections.Immutable;

namespace DeepSynth.Analyzers.Flow
{
    /// <summary>
    /// What a compliance step (a labeler, reviewer, verifier, auditor, ...) establishes, as the engine applies it. How it
    /// applies follows from the fact's scope and the member's shape, never from which duty it serves:
    /// a value fact goes onto the returned copy (or, for a method that returns nothing, onto the argument in place);
    /// an origin fact covers the origins of the first argument (or of every argument) from the call on; a path fact holds
    /// after a normal return, or, for a member that returns a boolean, on the branch where it returned true; a member
    /// without parameters returns a notice that establishes <see cref="NoticeFact"/> once it is published.
    /// </summary>
    internal sealed class ComplianceStep
    {
        public ComplianceStep(Fact fact, Fact? noticeFact = null, bool coversAllArguments = false, bool resultIsOutcome = false, StepKindArgument? kindArgument = null,
            bool makesCopy = false, bool holdsWhenFalse = false)
        {
            HoldsWhenFalse = holdsWhenFalse;
            MakesCopy = makesCopy;
            Fact = fact;
            NoticeFact = noticeFact;
            CoversAllArguments = coversAllArguments;
            ResultIsOutcome = resultIsOutcome;
            KindArgument = kindArgument;
        }

        public Fact Fact { get; }

        /// <summary>For a parameterless member of the step's kind: the path fact its result establishes when published.</summary>
        public Fact? NoticeFact { get; }

        /// <summary>For origin facts: every argument is covered (an audit record of all it is given), not only the first.</summary>
        public bool CoversAllArguments { get; }

        /// <summary>
        /// A result that is neither the content handed back nor nothing is the step's outcome (a review verdict): code must
        /// act on it. Labeled copies and boolean checks are outcomes whatever this says; results of throwing steps are not.
        /// </summary>
        public bool ResultIsOutcome { get; }

        /// <summary>When set, which fact the step establishes depends on an enum argument (the kind of consent checked).</summary>
        public StepKindArgument? KindArgument { get; }

        /// <summary>
        /// For value facts: the step makes a new copy of everything it is given (the receiver and every argument), as an
        /// encoder does: the copy carries the fact and goes to the result and to any stream or writer argument, and the
        /// engine reports the step (<see cref="IFlowEventSink.OnStep"/>) so a duty can point at it.
        /// </summary>
        public bool MakesCopy { get; }

        /// <summary>For path facts read as a boolean (a check): the fact holds where the value is false ("IncludeLabel").</summary>
        public bool HoldsWhenFalse { get; }
    }

    /// <summary>
    /// An enum parameter of a step that selects the fact it establishes: members by name (<c>BiometricKind.Voice</c> gives
    /// voice consent). An argument that is not a constant, or a step without such a parameter, establishes every fact listed.
    /// </summary>
    internal sealed class StepKindArgument
    {
        public StepKindArgument(string enumTypeName, ImmutableDictionary<string, Fact> facts)
        {
            EnumTypeName = enumTypeName;
            Facts = facts;
        }

        /// <summary>The enum's simple name (matched by name, so a project may declare its own copy).</summary>
        public string EnumTypeName { get; }

        public ImmutableDictionary<string, Fact> Facts { get; }

        public FactSet All => FactSet.Of(Facts.Values);
    }
}
