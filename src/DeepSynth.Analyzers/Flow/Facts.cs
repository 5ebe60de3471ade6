using System;
using System.Collections.Generic;
using System.Text;

namespace DeepSynth.Analyzers.Flow
{
    /// <summary>How a fact is carried and joined by the engine. The engine knows scopes, never which duty a fact serves.</summary>
    internal enum FactScope
    {
        /// <summary>
        /// Belongs to a piece of content and travels with it (a labeled copy): composition keeps it only if every part has
        /// it, a merge of two paths only if both have it.
        /// </summary>
        Value,

        /// <summary>
        /// Holds for the content of one origin from a program point on (that generation was reviewed or recorded): kept in
        /// the state per origin, folded into the pieces when content leaves the method, holds after a merge only if it holds
        /// on both paths (a generation that never ran on a path holds there vacuously).
        /// </summary>
        Origin,

        /// <summary>Holds for the rest of a path (the user's identity is verified): after a merge only if it holds on both.</summary>
        Path,
    }

    /// <summary>
    /// A fact a duty needs. Defined in the duty table (<see cref="Rules.DutyTable"/>); the engine handles every fact by its
    /// scope and flags alone, so a new duty whose fact has an existing scope needs no engine change.
    /// </summary>
    internal sealed class Fact
    {
        public Fact(int index, string name, FactScope scope, bool coversUserInput = true, bool holdsForCallers = true, Fact? undoes = null, bool coversEarlierStores = false)
        {
            if (coversEarlierStores && scope != FactScope.Origin)
            {
                throw new ArgumentException("Only an origin fact can cover copies stored before it", nameof(coversEarlierStores));
            }

            CoversEarlierStores = coversEarlierStores;
            if (undoes != null && (scope != FactScope.Value || undoes.Scope != FactScope.Value))
            {
                throw new ArgumentException("Only a value fact can undo a value fact", nameof(undoes));
            }

            Undoes = undoes;
            if (index < 0 || index >= FactSet.Capacity)
            {
                throw new ArgumentOutOfRangeException(nameof(index));
            }

            Index = index;
            Name = name;
            Scope = scope;
            CoversUserInput = coversUserInput;
            HoldsForCallers = holdsForCallers;
        }

        /// <summary>Position in a <see cref="FactSet"/>; unique per fact.</summary>
        public int Index { get; }

        /// <summary>For design notes and debugging: "labeled", "reviewed".</summary>
        public string Name { get; }

        public FactScope Scope { get; }

        /// <summary>For origin facts: whether a step that establishes it covers user input too (a review does, an audit record of a generation does not).</summary>
        public bool CoversUserInput { get; }

        /// <summary>
        /// For origin facts: whether establishing it later in the method that stored a copy covers that copy too (an audit
        /// record is written once the saved entity has its id). Not a review: content stored before a review that then
        /// blocks it stays stored, and another endpoint serves it.
        /// </summary>
        public bool CoversEarlierStores { get; }

        /// <summary>For path facts: whether a callee that establishes it on every normal exit establishes it for its caller.</summary>
        public bool HoldsForCallers { get; }

        /// <summary>
        /// For value facts that record a step undoing another (metadata stripped undoes labeled): the fact undone. The
        /// undoing fact is cleared whenever the undone fact is established again (relabeling after re-encoding).
        /// </summary>
        public Fact? Undoes { get; }

        public FactSet Set => FactSet.Of(this);

        public override string ToString() => Name;
    }

    /// <summary>A set of facts, as bits: cheap to copy, join and compare.</summary>
    internal readonly struct FactSet : IEquatable<FactSet>
    {
        public const int Capacity = 32;

        public static readonly FactSet None = default;

        private readonly uint _bits;

        private FactSet(uint bits) => _bits = bits;

        public bool IsEmpty => _bits == 0;

        public static FactSet Of(Fact fact) => OfIndex(fact.Index);

        public static FactSet OfIndex(int index) => new FactSet(1u << index);

        public static FactSet Of(IEnumerable<Fact> facts)
        {
            var set = None;
            foreach (var fact in facts)
            {
                set |= fact.Set;
            }

            return set;
        }

        public bool Has(Fact fact) => (_bits & (1u << fact.Index)) != 0;

        public bool HasAll(FactSet other) => (_bits & other._bits) == other._bits;

        public bool HasAny(FactSet other) => (_bits & other._bits) != 0;

        public FactSet Without(FactSet other) => new FactSet(_bits & ~other._bits);

        /// <summary>The indexes of the facts in the set, lowest first.</summary>
        public IEnumerable<int> Indexes()
        {
            for (var i = 0; i < Capacity; i++)
            {
                if ((_bits & (1u << i)) != 0)
                {
                    yield return i;
                }
            }
        }

        public static FactSet operator |(FactSet left, FactSet right) => new FactSet(left._bits | right._bits);

        public static FactSet operator &(FactSet left, FactSet right) => new FactSet(left._bits & right._bits);

        public static bool operator ==(FactSet left, FactSet right) => left._bits == right._bits;

        public static bool operator !=(FactSet left, FactSet right) => left._bits != right._bits;

        public bool Equals(FactSet other) => _bits == other._bits;

        public override bool Equals(object? obj) => obj is FactSet other && Equals(other);

        public override int GetHashCode() => (int)_bits;

        public override string ToString()
        {
            var text = new StringBuilder("{");
            foreach (var index in Indexes())
            {
                text.Append(text.Length > 1 ? "," : string.Empty).Append(index);
            }

            return text.Append('}').ToString();
        }
    }

    /// <summary>The facts of one analysis, by scope, as the engine needs them for generic joins and summaries.</summary>
    internal sealed class FactCatalog
    {
        public FactCatalog(IReadOnlyList<Fact> facts, FactSet entryPathFacts, FactSet generationFacts)
        {
            EntryPathFacts = entryPathFacts;
            GenerationFacts = generationFacts;
            var byIndex = new Fact?[FactSet.Capacity];
            foreach (var fact in facts)
            {
                if (byIndex[fact.Index] != null)
                {
                    throw new ArgumentException("Two facts share index " + fact.Index, nameof(facts));
                }

                byIndex[fact.Index] = fact;
                if (fact.Undoes != null)
                {
                    UndoingFacts |= fact.Set;
                }

                switch (fact.Scope)
                {
                    case FactScope.Value:
                        ValueFacts |= fact.Set;
                        break;
                    case FactScope.Origin:
                        OriginFacts |= fact.Set;
                        if (fact.CoversEarlierStores)
                        {
                            EarlierStoreFacts |= fact.Set;
                        }

                        break;
                    default:
                        PathFacts |= fact.Set;
                        if (fact.HoldsForCallers)
                        {
                            CallerPathFacts |= fact.Set;
                        }

                        break;
                }
            }

            _byIndex = byIndex;
        }

        private readonly Fact?[] _byIndex;

        public FactSet ValueFacts { get; }

        public FactSet OriginFacts { get; }

        /// <summary>Origin facts that, established on a method's exit, cover what it stored before (<see cref="Fact.CoversEarlierStores"/>).</summary>
        public FactSet EarlierStoreFacts { get; }

        public FactSet PathFacts { get; }

        /// <summary>Path facts a callee passes on to its caller.</summary>
        public FactSet CallerPathFacts { get; }

        /// <summary>Path facts that duties check at entry points (code that is not one defers them to its callers).</summary>
        public FactSet EntryPathFacts { get; }

        /// <summary>Facts that duties check for what reaches a generation call (content lacking one is reported or deferred).</summary>
        public FactSet GenerationFacts { get; }

        /// <summary>Value facts that record a step undoing another fact (<see cref="Fact.Undoes"/>).</summary>
        public FactSet UndoingFacts { get; }

        /// <summary>The undoing facts that establishing <paramref name="established"/> clears (relabeling clears "metadata stripped").</summary>
        public FactSet ClearedBy(FactSet established)
        {
            var cleared = FactSet.None;
            if (UndoingFacts.IsEmpty || established.IsEmpty)
            {
                return cleared;
            }

            foreach (var index in UndoingFacts.Indexes())
            {
                if (_byIndex[index] is { Undoes: { } undone } undoing && established.Has(undone) && !established.Has(undoing))
                {
                    cleared |= undoing.Set;
                }
            }

            return cleared;
        }

        /// <summary>Every fact a piece of content can carry (value and origin facts).</summary>
        public FactSet PieceFacts => ValueFacts | OriginFacts;

        public Fact? this[int index] => index >= 0 && index < _byIndex.Length ? _byIndex[index] : null;
    }
}
