using System.Linq;
using System;
using System.Collections.Generic;
using System.Collections.Immutable;

namespace DeepSynth.Analyzers.Flow
{
    /// <summary>Facts about what a value is rather than what it contains (engine structure, not duties).</summary>
    [Flags]
    internal enum ValueMarkers
    {
        None = 0,
        /// <summary>The value may be a channel to people (the HTTP response body, a response writer).</summary>
        ResponseChannel = 8,
        /// <summary>The value is the constant false (so "verified &amp;&amp; x" is true only where verified is).</summary>
        FalseConstant = 16,
        /// <summary>The value is the constant true.</summary>
        TrueConstant = 32,
        /// <summary>
        /// The value is an object whose members were all seen being written (an anonymous object, a tuple, an object built
        /// by a constructor whose body was analysed): a member not listed holds nothing written at construction.
        /// </summary>
        CompleteMembers = 64,
    }

    /// <summary>
    /// What a value tells about path facts: a boolean check (true means <see cref="WhenTrue"/> holds, false means
    /// <see cref="WhenFalse"/> holds), or a notice that establishes <see cref="Notice"/> on the path once it is published.
    /// Each holds only if it holds on every path that reaches the value.
    /// </summary>
    internal readonly struct ValueSignals : IEquatable<ValueSignals>
    {
        public static readonly ValueSignals None = default;

        public ValueSignals(FactSet whenTrue, FactSet whenFalse, FactSet notice)
        {
            WhenTrue = whenTrue;
            WhenFalse = whenFalse;
            Notice = notice;
        }

        public FactSet WhenTrue { get; }

        public FactSet WhenFalse { get; }

        public FactSet Notice { get; }

        public bool IsEmpty => WhenTrue.IsEmpty && WhenFalse.IsEmpty && Notice.IsEmpty;

        public static ValueSignals Check(FactSet facts) => new ValueSignals(facts, FactSet.None, FactSet.None);

        public static ValueSignals NoticeOf(FactSet facts) => new ValueSignals(FactSet.None, FactSet.None, facts);

        public ValueSignals Negated => new ValueSignals(WhenFalse, WhenTrue, Notice);

        public ValueSignals Union(ValueSignals other) => new ValueSignals(WhenTrue | other.WhenTrue, WhenFalse | other.WhenFalse, Notice | other.Notice);

        /// <summary>
        /// Control-flow merge. "check &amp;&amp; more" is the check on one path and the constant false on the other: still a
        /// check for the true branch (and "!check || more" for the false branch).
        /// </summary>
        public static ValueSignals Join(ValueSignals a, ValueMarkers aMarkers, ValueSignals b, ValueMarkers bMarkers)
        {
            var whenTrue = a.WhenTrue & b.WhenTrue;
            var whenFalse = a.WhenFalse & b.WhenFalse;
            if ((bMarkers & ValueMarkers.FalseConstant) != 0)
            {
                whenTrue |= a.WhenTrue;
            }

            if ((aMarkers & ValueMarkers.FalseConstant) != 0)
            {
                whenTrue |= b.WhenTrue;
            }

            if ((bMarkers & ValueMarkers.TrueConstant) != 0)
            {
                whenFalse |= a.WhenFalse;
            }

            if ((aMarkers & ValueMarkers.TrueConstant) != 0)
            {
                whenFalse |= b.WhenFalse;
            }

            return new ValueSignals(whenTrue, whenFalse, a.Notice & b.Notice);
        }

        public bool Equals(ValueSignals other) => WhenTrue == other.WhenTrue && WhenFalse == other.WhenFalse && Notice == other.Notice;

        public override bool Equals(object? obj) => obj is ValueSignals other && Equals(other);

        public override int GetHashCode() => (WhenTrue.GetHashCode() * 31 + WhenFalse.GetHashCode()) * 31 + Notice.GetHashCode();
    }

    /// <summary>One piece of content inside a value: its origin and the facts that hold for it.</summary>
    internal readonly struct Piece : IEquatable<Piece>
    {
        public Piece(Origin origin, FactSet facts)
        {
            Origin = origin;
            Facts = facts;
        }

        public Origin Origin { get; }

        /// <summary>Value facts of the piece, and origin facts carried out of the method that established them.</summary>
        public FactSet Facts { get; }

        public bool Has(Fact fact) => Facts.Has(fact);

        public Piece With(FactSet facts) => new Piece(Origin, Facts | facts);

        /// <summary>The piece with <paramref name="cleared"/> removed, then <paramref name="facts"/> added.</summary>
        public Piece With(FactSet facts, FactSet cleared) => new Piece(Origin, Facts.Without(cleared) | facts);

        public bool Equals(Piece other) => Facts == other.Facts && Origin.Equals(other.Origin);

        public override bool Equals(object? obj) => obj is Piece other && Equals(other);

        public override int GetHashCode() => (Origin.GetHashCode() * 31) ^ Facts.GetHashCode();
    }

    /// <summary>
    /// The abstract value of an expression: the pieces of tracked content it contains (sorted by origin,
    /// one entry per origin), optional per-member values for objects built in the method (DTOs, anonymous
    /// objects, tuples), and markers. Immutable.
    /// </summary>
    internal sealed class ContentValue : IEquatable<ContentValue>
    {
        /// <summary>More origins than this are not told apart; keeps the lattice finite on huge methods.</summary>
        public const int MaxPieces = 24;
        public const int MaxMembers = 16;
        public const int MaxMemberDepth = 2;

        public static readonly ContentValue Empty = new ContentValue(ImmutableArray<Piece>.Empty, null, ValueMarkers.None, ValueSignals.None);

        /// <summary>Markers that hold only if they hold on every path; the others hold if they hold on some path.</summary>
        private const ValueMarkers MustMarkers = ValueMarkers.FalseConstant | ValueMarkers.TrueConstant | ValueMarkers.CompleteMembers;

        private ContentValue(ImmutableArray<Piece> pieces, ImmutableDictionary<string, ContentValue>? members, ValueMarkers markers, ValueSignals signals)
        {
            Pieces = pieces;
            Members = members;
            Markers = markers;
            Signals = signals;
        }

        public ImmutableArray<Piece> Pieces { get; }

        public ImmutableDictionary<string, ContentValue>? Members { get; }

        public ValueMarkers Markers { get; }

        /// <summary>What the value tells about path facts (a check's result, a notice).</summary>
        public ValueSignals Signals { get; }

        public bool IsEmpty => Pieces.IsEmpty && Members == null && Markers == ValueMarkers.None && Signals.IsEmpty;

        public bool HasPieces => !Pieces.IsEmpty;

        public bool Has(ValueMarkers marker) => (Markers & marker) == marker;

        public static ContentValue Of(Piece piece) => new ContentValue(ImmutableArray.Create(piece), null, ValueMarkers.None, ValueSignals.None);

        public static ContentValue Of(Origin origin) => Of(new Piece(origin, FactSet.None));

        public static ContentValue Marker(ValueMarkers markers) => Marker(markers, ValueSignals.None);

        public static ContentValue Marker(ValueMarkers markers, ValueSignals signals) =>
            markers == ValueMarkers.None && signals.IsEmpty ? Empty : new ContentValue(ImmutableArray<Piece>.Empty, null, markers, signals);

        /// <summary>The result of a check: true means <paramref name="facts"/> hold.</summary>
        public static ContentValue Check(FactSet facts) => Marker(ValueMarkers.None, ValueSignals.Check(facts));

        /// <summary>A notice that, once published, establishes <paramref name="facts"/> on the path.</summary>
        public static ContentValue Notice(FactSet facts) => Marker(ValueMarkers.None, ValueSignals.NoticeOf(facts));

        /// <summary>An object whose members hold the given values (DTO initializer, anonymous object, tuple).</summary>
        public static ContentValue Object(IEnumerable<KeyValuePair<string, ContentValue>> members, int depth, bool complete = false)
        {
            var all = Empty;
            var count = 0;
            var builder = ImmutableDictionary.CreateBuilder<string, ContentValue>(StringComparer.Ordinal);
            foreach (var member in members)
            {
                count++;
                all = all.Combine(member.Value);
                if (builder.Count < MaxMembers && depth < MaxMemberDepth)
                {
                    builder[member.Key] = member.Value;
                }
            }

            if (builder.Count == 0 && !(complete && count == 0))
            {
                return new ContentValue(all.Pieces, null, ValueMarkers.None, ValueSignals.None);
            }

            // Members beyond the bounds are not listed, so such an object is never complete.
            var markers = complete && builder.Count == count ? ValueMarkers.CompleteMembers : ValueMarkers.None;
            return new ContentValue(all.Pieces, builder.ToImmutable(), markers, ValueSignals.None);
        }

        public ContentValue WithMarkers(ValueMarkers markers) =>
            markers == Markers ? this : new ContentValue(Pieces, Members, markers, Signals);

        /// <summary>This value with the markers and signals of <paramref name="other"/> added (what either part tells).</summary>
        public ContentValue WithMarkersOf(ContentValue other) =>
            (other.Markers & ~Markers) == ValueMarkers.None && Signals.Union(other.Signals).Equals(Signals)
                ? this
                : new ContentValue(Pieces, Members, Markers | other.Markers, Signals.Union(other.Signals));

        public ContentValue WithoutMembers() => Members == null ? this : new ContentValue(Pieces, null, Markers, Signals);

        /// <summary>Only the pieces of the given origin kinds (no members, no markers).</summary>
        public ContentValue OfKinds(OriginKind kind, OriginKind? also = null)
        {
            var result = Empty;
            foreach (var piece in Pieces)
            {
                if (piece.Origin.Kind == kind || piece.Origin.Kind == also)
                {
                    result = result.Combine(Of(piece));
                }
            }

            return result;
        }

        /// <summary>Only the content: no members, no markers.</summary>
        public ContentValue PiecesOnly() =>
            Members == null && Markers == ValueMarkers.None && Signals.IsEmpty ? this : Pieces.IsEmpty ? Empty : new ContentValue(Pieces, null, ValueMarkers.None, ValueSignals.None);

        /// <summary>The same content with <paramref name="facts"/> added to every piece.</summary>
        public ContentValue WithFacts(FactSet facts) => WithFacts(facts, FactSet.None);

        /// <summary>The same content with <paramref name="cleared"/> removed from every piece, then <paramref name="facts"/> added.</summary>
        public ContentValue WithFacts(FactSet facts, FactSet cleared)
        {
            if (Pieces.IsEmpty || (facts.IsEmpty && cleared.IsEmpty))
            {
                return this;
            }

            var builder = ImmutableArray.CreateBuilder<Piece>(Pieces.Length);
            foreach (var piece in Pieces)
            {
                builder.Add(piece.With(facts, cleared));
            }

            ImmutableDictionary<string, ContentValue>? members = null;
            if (Members != null)
            {
                members = ImmutableDictionary.CreateRange(StringComparer.Ordinal, Members.Select(m => new KeyValuePair<string, ContentValue>(m.Key, m.Value.WithFacts(facts, cleared))));
            }

            return new ContentValue(builder.MoveToImmutable(), members, Markers, Signals);
        }

        /// <summary>
        /// Replaces every piece by a value (facts folded in, parameters replaced by arguments), here and in the member values,
        /// so that what is known about an object's members survives the mapping.
        /// </summary>
        public ContentValue Map(Func<Piece, ContentValue> map, ValueMarkers keepMarkers = ValueMarkers.None) => Map(map, keepMarkers, 0);

        private ContentValue Map(Func<Piece, ContentValue> map, ValueMarkers keepMarkers, int depth)
        {
            if (IsEmpty)
            {
                return this;
            }

            var mapped = Empty;
            foreach (var piece in Pieces)
            {
                mapped = mapped.Combine(map(piece));
            }

            ImmutableDictionary<string, ContentValue>? members = null;
            if (Members != null && depth < MaxMemberDepth)
            {
                members = ImmutableDictionary.CreateRange(StringComparer.Ordinal, Members.Select(m => new KeyValuePair<string, ContentValue>(m.Key, m.Value.Map(map, keepMarkers, depth + 1))));
            }

            // Signals say what the value is (a check, a notice), not what it contains: the mapping keeps them.
            var markers = mapped.Markers | (Markers & keepMarkers);
            var signals = mapped.Signals.Union(Signals);
            return mapped.Pieces.IsEmpty && members == null && markers == ValueMarkers.None && signals.IsEmpty ? Empty : new ContentValue(mapped.Pieces, members, markers, signals);
        }

        /// <summary>
        /// This object after <c>x.name = value</c>: the member holds the value, the object holds its content too (it is
        /// published whole), and what was known of the other members stays.
        /// </summary>
        public ContentValue WithMember(string name, ContentValue value)
        {
            var members = (Members ?? ImmutableDictionary.Create<string, ContentValue>(StringComparer.Ordinal));
            if (!members.ContainsKey(name) && members.Count >= MaxMembers)
            {
                return Combine(value).WithMarkersOf(this);
            }

            // An object read back from a store held a stored generation in this member: the assignment replaced it. So did
            // content the member held before and no other member holds ("copy.Hashtags = []" on a copy of a view).
            var replaced = members.TryGetValue(name, out var before) && before.HasPieces ? OnlyIn(members, name, before) : null;
            var kept = Pieces.Any(p => (p.Origin.IsStoredCopy && p.Origin.Member == name) || (replaced != null && replaced.Contains(p.Origin)))
                ? Pieces.Where(p => !(p.Origin.IsStoredCopy && p.Origin.Member == name) && !(replaced != null && replaced.Contains(p.Origin))).ToImmutableArray()
                : Pieces;
            return new ContentValue(MergePieces(kept, value.Pieces), members.SetItem(name, value), Markers, Signals);
        }

        /// <summary>The origins the member <paramref name="name"/> held that no other member holds; null when there are none.</summary>
        private static HashSet<Origin>? OnlyIn(ImmutableDictionary<string, ContentValue> members, string name, ContentValue held)
        {
            var only = new HashSet<Origin>(held.Pieces.Select(p => p.Origin));
            foreach (var member in members)
            {
                if (member.Key != name)
                {
                    only.ExceptWith(member.Value.Pieces.Select(p => p.Origin));
                }
            }

            return only.Count == 0 ? null : only;
        }

        /// <summary>This value with the pieces of <paramref name="other"/> added; this value's members are kept.</summary>
        public ContentValue WithPiecesOf(ContentValue other)
        {
            if (!other.HasPieces)
            {
                return this;
            }

            return new ContentValue(MergePieces(Pieces, other.Pieces), Members, Markers | other.Markers, Signals.Union(other.Signals));
        }

        /// <summary>The value of member <paramref name="name"/> when it is known, otherwise null.</summary>
        public ContentValue? TryGetMember(string name) =>
            Members != null && Members.TryGetValue(name, out var value) ? value : null;

        /// <summary>
        /// The member that stands for a collection's elements, with their members (a list of records each holding its
        /// generated text in one member): written where elements are added or projected, read where one is taken out.
        /// Not a member of the collection object itself, so member reads of the collection ignore it.
        /// </summary>
        public const string ElementMember = "[]";

        /// <summary>
        /// One element of this collection: the elements' members where they are known, with every piece of the collection
        /// (a piece added without its members, such as a whole stored list, may be in any member of any element).
        /// </summary>
        public ContentValue Element() =>
            TryGetMember(ElementMember) is { } element ? element.WithPiecesOf(PiecesOnly()) : PiecesOnly();

        /// <summary>Whether this object has members of its own, besides <see cref="ElementMember"/>.</summary>
        public bool HasObjectMembers => Members != null && (Members.Count > 1 || !Members.ContainsKey(ElementMember));

        /// <summary>This collection after <paramref name="added"/> joined its elements (<see cref="ElementMember"/>).</summary>
        public ContentValue WithElement(ContentValue added) =>
            WithMember(ElementMember, TryGetMember(ElementMember) is { } before ? before.Join(added) : added);

        /// <summary>
        /// Data composition: the value built from both (concatenation, object creation, call result).
        /// A piece present in both keeps only the facts both have: a value built from an unlabeled part is unlabeled.
        /// </summary>
        public ContentValue Combine(ContentValue other)
        {
            if (other.IsEmpty)
            {
                return Members == null ? this : WithoutMembers();
            }

            if (IsEmpty)
            {
                return other.Members == null ? other : other.WithoutMembers();
            }

            return new ContentValue(MergePieces(Pieces, other.Pieces), null, Markers | other.Markers, Signals.Union(other.Signals));
        }

        /// <summary>Control-flow merge: the value on either of two paths.</summary>
        public ContentValue Join(ContentValue other)
        {
            if (ReferenceEquals(this, other) || Equals(other))
            {
                return this;
            }

            var markers = ((Markers & other.Markers) & MustMarkers) | ((Markers | other.Markers) & ~MustMarkers);
            var signals = ValueSignals.Join(Signals, Markers, other.Signals, other.Markers);
            var pieces = MergePieces(Pieces, other.Pieces);
            ImmutableDictionary<string, ContentValue>? members = null;
            if (Members != null && other.Members != null)
            {
                var builder = ImmutableDictionary.CreateBuilder<string, ContentValue>(StringComparer.Ordinal);
                foreach (var member in Members)
                {
                    // A member the other object does not list holds nothing there when all its writes were seen.
                    builder[member.Key] = other.Members.TryGetValue(member.Key, out var otherValue)
                        ? member.Value.Join(otherValue)
                        : member.Value.Join(other.Has(ValueMarkers.CompleteMembers) ? Empty : other.PiecesOnly());
                }

                foreach (var member in other.Members)
                {
                    if (!builder.ContainsKey(member.Key))
                    {
                        builder[member.Key] = member.Value.Join(Has(ValueMarkers.CompleteMembers) ? Empty : PiecesOnly());
                    }
                }

                members = builder.ToImmutable();
            }
            else if ((Members != null && other.IsEmpty) || (other.Members != null && IsEmpty))
            {
                // "return null" on one path and an object on the other: the null holds nothing in any member, so the
                // object's members stand (reading stored.Id of a found image does not read its bytes).
                var known = Members != null ? this : other;
                members = known.Members;
                markers |= known.Markers & ValueMarkers.CompleteMembers;
            }

            if (pieces.IsEmpty && members == null && markers == ValueMarkers.None && signals.IsEmpty)
            {
                return Empty;
            }

            return new ContentValue(pieces, members, markers, signals);
        }

        public bool Equals(ContentValue? other)
        {
            if (other is null)
            {
                return false;
            }

            if (ReferenceEquals(this, other))
            {
                return true;
            }

            if (Markers != other.Markers || !Signals.Equals(other.Signals) || !Pieces.SequenceEqual(other.Pieces))
            {
                return false;
            }

            if (Members == null || other.Members == null)
            {
                return Members == null && other.Members == null;
            }

            if (Members.Count != other.Members.Count)
            {
                return false;
            }

            foreach (var member in Members)
            {
                if (!other.Members.TryGetValue(member.Key, out var otherValue) || !member.Value.Equals(otherValue))
                {
                    return false;
                }
            }

            return true;
        }

        public override bool Equals(object? obj) => obj is ContentValue other && Equals(other);

        public override int GetHashCode()
        {
            var hash = ((int)Markers * 397) ^ Signals.GetHashCode();
            foreach (var piece in Pieces)
            {
                hash = (hash * 31) ^ piece.GetHashCode();
            }

            return hash;
        }

        private static ImmutableArray<Piece> MergePieces(ImmutableArray<Piece> left, ImmutableArray<Piece> right)
        {
            if (right.IsEmpty)
            {
                return left;
            }

            if (left.IsEmpty)
            {
                return right;
            }

            var builder = ImmutableArray.CreateBuilder<Piece>(Math.Min(left.Length + right.Length, MaxPieces));
            int i = 0, j = 0;
            while ((i < left.Length || j < right.Length) && builder.Count < MaxPieces)
            {
                if (j >= right.Length)
                {
                    builder.Add(left[i++]);
                    continue;
                }

                if (i >= left.Length)
                {
                    builder.Add(right[j++]);
                    continue;
                }

                var comparison = left[i].Origin.CompareTo(right[j].Origin);
                if (comparison == 0 && !left[i].Origin.Equals(right[j].Origin))
                {
                    // Same position but different origins (should not happen): keep both, in a fixed order.
                    comparison = left[i].Origin.GetHashCode().CompareTo(right[j].Origin.GetHashCode());
                    comparison = comparison == 0 ? -1 : comparison;
                }

                if (comparison < 0)
                {
                    builder.Add(left[i++]);
                }
                else if (comparison > 0)
                {
                    builder.Add(right[j++]);
                }
                else
                {
                    builder.Add(new Piece(left[i].Origin, left[i].Facts & right[j].Facts));
                    i++;
                    j++;
                }
            }

            return builder.ToImmutable();
        }
    }
}
