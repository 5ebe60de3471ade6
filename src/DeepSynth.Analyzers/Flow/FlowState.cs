using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;

namespace DeepSynth.Analyzers.Flow
{
    /// <summary>
    /// A storage location the engine tracks: a local, parameter, flow capture, field or property, optionally
    /// followed by a member path ("Answer" in <c>reply.Answer</c>).
    /// </summary>
    internal readonly struct SlotKey : IEquatable<SlotKey>
    {
        private SlotKey(object root, string? path)
        {
            Root = root;
            Path = path;
        }

        /// <summary>An <see cref="ISymbol"/> (local, parameter, field, property) or a <see cref="CaptureId"/>.</summary>
        public object Root { get; }

        public string? Path { get; }

        public bool IsMemberPath => Path != null;

        public static SlotKey For(ISymbol symbol) => new SlotKey(symbol.OriginalDefinition, null);

        public static SlotKey For(CaptureId capture) => new SlotKey(capture, null);

        public SlotKey Member(string name)
        {
            var path = Path == null ? name : Path + "." + name;
            return new SlotKey(Root, path);
        }

        public SlotKey RootKey => Path == null ? this : new SlotKey(Root, null);

        /// <summary>The member of the root this path goes through first ("Reminders" of db.Reminders.Items); null for a root.</summary>
        public string? FirstMember => Path == null ? null : Path.IndexOf('.') is var dot && dot < 0 ? Path : Path.Substring(0, dot);

        public int Depth
        {
            get
            {
                if (Path == null)
                {
                    return 0;
                }

                var depth = 1;
                foreach (var c in Path)
                {
                    if (c == '.')
                    {
                        depth++;
                    }
                }

                return depth;
            }
        }

        public bool Equals(SlotKey other) =>
            string.Equals(Path, other.Path, StringComparison.Ordinal) &&
            (Root is ISymbol symbol ? SymbolEqualityComparer.Default.Equals(symbol, other.Root as ISymbol) : Root.Equals(other.Root));

        public override bool Equals(object? obj) => obj is SlotKey other && Equals(other);

        public override int GetHashCode()
        {
            var rootHash = Root is ISymbol symbol ? SymbolEqualityComparer.Default.GetHashCode(symbol) : Root.GetHashCode();
            return (rootHash * 31) ^ (Path?.GetHashCode() ?? 0);
        }
    }

    /// <summary>
    /// What holds at one program point: the values of tracked locations (value facts live in them), the origin facts
    /// (for each fact, the origins whose content it covers on every path to here) and the path facts. Every fact is
    /// handled by its scope (<see cref="FactScope"/>); the state never asks which duty a fact serves. Mutable while a
    /// block is evaluated; cloned at edges.
    /// </summary>
    /// <remarks>
    /// Copy on write: a clone shares its parts with the state it came from, and whichever of the two writes a part first
    /// copies it. Most blocks read far more than they write, and most edges pass a state on unchanged, so copying at every
    /// edge (as this type did) was the largest single cost of the analysis. Every write goes through the <c>Own*</c>
    /// accessors below; reads use the fields directly.
    /// </remarks>
    internal sealed class FlowState
    {
        private Dictionary<SlotKey, ContentValue> _slots;
        private Dictionary<int, HashSet<Origin>> _originFacts;
        private HashSet<Origin> _generated;
        private bool _ownsSlots;
        private bool _ownsOriginFacts;
        private bool _ownsGenerated;

        private FlowState(Dictionary<SlotKey, ContentValue> slots, Dictionary<int, HashSet<Origin>> originFacts, HashSet<Origin> generated, FactSet pathFacts, bool owned)
        {
            _slots = slots;
            _originFacts = originFacts;
            _generated = generated;
            _ownsSlots = _ownsOriginFacts = _ownsGenerated = owned;
            PathFacts = pathFacts;
        }

        /// <summary>The tracked locations and their values (read-only: writes go through <see cref="Set"/>, <see cref="Replace"/>, <see cref="Add"/>).</summary>
        public IReadOnlyDictionary<SlotKey, ContentValue> Slots => _slots;

        /// <summary>
        /// Generations that may have run on some path to here. A generation that has not run on a path vacuously has every
        /// origin fact there (a loop's first iteration joins a path where nothing was generated yet).
        /// </summary>
        public IReadOnlyCollection<Origin> Generated => _generated;

        /// <summary>Path facts that hold on every path to here.</summary>
        public FactSet PathFacts { get; set; }

        public static FlowState Initial(FactSet pathFacts) =>
            new FlowState(new Dictionary<SlotKey, ContentValue>(), new Dictionary<int, HashSet<Origin>>(), new HashSet<Origin>(), pathFacts, owned: true);

        /// <summary>A state equal to this one; neither copies anything until it is written.</summary>
        public FlowState Clone()
        {
            _ownsSlots = _ownsOriginFacts = _ownsGenerated = false;
            return new FlowState(_slots, _originFacts, _generated, PathFacts, owned: false);
        }

        private Dictionary<SlotKey, ContentValue> OwnSlots()
        {
            if (!_ownsSlots)
            {
                _slots = new Dictionary<SlotKey, ContentValue>(_slots);
                _ownsSlots = true;
            }

            return _slots;
        }

        /// <summary>Per origin fact (by index): the origins it covers on every path to here; the sets are copied with the map.</summary>
        private Dictionary<int, HashSet<Origin>> OwnOriginFacts()
        {
            if (!_ownsOriginFacts)
            {
                _originFacts = CopySets(_originFacts);
                _ownsOriginFacts = true;
            }

            return _originFacts;
        }

        private HashSet<Origin> OwnGenerated()
        {
            if (!_ownsGenerated)
            {
                _generated = new HashSet<Origin>(_generated);
                _ownsGenerated = true;
            }

            return _generated;
        }

        /// <summary>The origin facts that cover <paramref name="origin"/> here.</summary>
        public FactSet OriginFactsOf(Origin origin)
        {
            var facts = FactSet.None;
            foreach (var entry in _originFacts)
            {
                if (origin.IsCoveredBy(entry.Value))
                {
                    facts |= FactSet.OfIndex(entry.Key);
                }
            }

            return facts;
        }

        /// <summary>Every fact that holds for a piece here: its own and the origin facts of its origin.</summary>
        public FactSet FactsOf(Piece piece) => piece.Facts | OriginFactsOf(piece.Origin);

        /// <summary>Whether the origin fact covers exactly this origin (not through a whole input it was read from).</summary>
        public bool Covers(Fact fact, Origin origin) => _originFacts.TryGetValue(fact.Index, out var origins) && origins.Contains(origin);

        /// <summary>Whether the origin fact covers a member read of <paramref name="origin"/> (<c>note.Body</c> of <c>note</c>).</summary>
        public bool CoversPartOf(Fact fact, Origin origin) =>
            _originFacts.TryGetValue(fact.Index, out var origins) && origins.Any(o => o.IsMemberRead && origin.Equals(o.Parent));

        /// <summary>
        /// A step established an origin fact for these origins: it holds from here on, and goes onto every piece that holds
        /// content of the same origin now, so values built from this generation keep it even after the origin runs again.
        /// </summary>
        public void Establish(Fact fact, ICollection<Origin> origins)
        {
            if (origins.Count == 0)
            {
                return;
            }

            var originFacts = OwnOriginFacts();
            if (!originFacts.TryGetValue(fact.Index, out var covered))
            {
                originFacts[fact.Index] = covered = new HashSet<Origin>();
            }

            covered.UnionWith(origins);
            MarkOrigins(origins, fact.Set);
        }

        /// <summary>
        /// Drops flow captures that cannot be read any more (their region is left): without this a long method keeps
        /// every capture it ever made, and each state at an edge carries them all (quadratic in the method's size).
        /// </summary>
        public FlowState WithoutCapturesOutside(HashSet<CaptureId> live)
        {
            List<SlotKey>? dead = null;
            foreach (var key in _slots.Keys)
            {
                if (key.Root is CaptureId capture && !live.Contains(capture))
                {
                    (dead ??= new List<SlotKey>()).Add(key);
                }
            }

            if (dead == null)
            {
                return this;
            }

            var pruned = Clone();
            var slots = pruned.OwnSlots();
            foreach (var key in dead)
            {
                slots.Remove(key);
            }

            return pruned;
        }

        public ContentValue Get(SlotKey key) => _slots.TryGetValue(key, out var value) ? value : ContentValue.Empty;

        public bool TryGet(SlotKey key, out ContentValue value) => _slots.TryGetValue(key, out value!);

        /// <summary>Replaces the value of a location; member paths below it are forgotten.</summary>
        public void Set(SlotKey key, ContentValue value)
        {
            if (!key.IsMemberPath)
            {
                RemoveMemberPaths(key);

                // A local, parameter or capture that holds nothing reads the same whether stored or absent; not storing
                // it keeps states small (counters, indexes and flags never enter them), which keeps edges cheap.
                if (value.IsEmpty && (key.Root is ILocalSymbol || key.Root is IParameterSymbol || key.Root is CaptureId))
                {
                    if (_slots.ContainsKey(key))
                    {
                        OwnSlots().Remove(key);
                    }

                    return;
                }
            }

            if (!_slots.TryGetValue(key, out var existing) || !ReferenceEquals(existing, value))
            {
                OwnSlots()[key] = value;
            }
        }

        /// <summary>Replaces the value of a location and keeps what is tracked below it (a member written on the object).</summary>
        public void Replace(SlotKey key, ContentValue value) => OwnSlots()[key] = value;

        /// <summary>Adds content to a location without forgetting what it held (collections, builders, objects).</summary>
        public void Add(SlotKey key, ContentValue value)
        {
            if (value.IsEmpty)
            {
                return;
            }

            var slots = OwnSlots();
            slots[key] = slots.TryGetValue(key, out var existing) ? existing.Combine(value).WithMarkersOf(existing).WithMarkersOf(value) : value.PiecesOnly();
        }

        /// <summary>Adds facts to the pieces held at a location and at every member path below it (labeling in place).</summary>
        public void ApplyFacts(SlotKey key, FactSet facts) => ApplyFacts(key, facts, FactSet.None);

        /// <summary>Like <see cref="ApplyFacts(SlotKey, FactSet)"/>, removing <paramref name="cleared"/> first (relabeling clears "metadata stripped").</summary>
        public void ApplyFacts(SlotKey key, FactSet facts, FactSet cleared)
        {
            List<KeyValuePair<SlotKey, ContentValue>>? updates = null;
            foreach (var entry in _slots)
            {
                if (entry.Key.Equals(key) || (entry.Key.IsMemberPath && entry.Key.RootKey.Equals(key.RootKey) &&
                    (key.Path == null || entry.Key.Path!.StartsWith(key.Path + ".", StringComparison.Ordinal))))
                {
                    (updates ??= new List<KeyValuePair<SlotKey, ContentValue>>()).Add(new KeyValuePair<SlotKey, ContentValue>(entry.Key, entry.Value.WithFacts(facts, cleared)));
                }
            }

            Apply(updates);
        }

        private void MarkOrigins(ICollection<Origin> origins, FactSet facts)
        {
            if (origins.Count == 0)
            {
                return;
            }

            List<KeyValuePair<SlotKey, ContentValue>>? updates = null;
            foreach (var entry in _slots)
            {
                if (entry.Value.Pieces.Any(p => p.Origin.IsCoveredBy(origins) && !p.Facts.HasAll(facts)))
                {
                    var marked = entry.Value.Map(p => ContentValue.Of(p.Origin.IsCoveredBy(origins) ? p.With(facts) : p), ~ValueMarkers.None);
                    (updates ??= new List<KeyValuePair<SlotKey, ContentValue>>()).Add(new KeyValuePair<SlotKey, ContentValue>(entry.Key, marked));
                }
            }

            Apply(updates);
        }

        private void Apply(List<KeyValuePair<SlotKey, ContentValue>>? updates)
        {
            if (updates == null)
            {
                return;
            }

            var slots = OwnSlots();
            foreach (var update in updates)
            {
                slots[update.Key] = update.Value;
            }
        }

        /// <summary>Takes over everything another state holds (after a local function ran at a call).</summary>
        public void CopyFrom(FlowState other)
        {
            if (ReferenceEquals(other, this))
            {
                return;
            }

            // Sharing is safe both ways: neither state owns the parts any more, so the next write on either copies.
            other._ownsSlots = other._ownsOriginFacts = other._ownsGenerated = false;
            _slots = other._slots;
            _originFacts = other._originFacts;
            _generated = other._generated;
            _ownsSlots = _ownsOriginFacts = _ownsGenerated = false;
            PathFacts = other.PathFacts;
        }

        /// <summary>A new generation at <paramref name="origin"/> is not the one a step covered before.</summary>
        public void ForgetStepsFor(Origin origin)
        {
            var covers = false;
            foreach (var covered in _originFacts.Values)
            {
                covers |= covered.Contains(origin);
            }

            if (covers)
            {
                foreach (var covered in OwnOriginFacts().Values)
                {
                    covered.Remove(origin);
                }
            }

            if (!_generated.Contains(origin))
            {
                OwnGenerated().Add(origin);
            }
        }

        /// <summary>Merges the state of another path into this one; returns true when this state changed.</summary>
        public bool JoinWith(FlowState other)
        {
            var changed = false;
            if (!ReferenceEquals(_slots, other._slots))
            {
                changed |= JoinSlots(other._slots);
            }

            if (!ReferenceEquals(_originFacts, other._originFacts) || !ReferenceEquals(_generated, other._generated))
            {
                changed |= JoinOriginFacts(other);
            }

            var pathFacts = PathFacts & other.PathFacts;
            if (pathFacts != PathFacts)
            {
                PathFacts = pathFacts;
                changed = true;
            }

            return changed;
        }

        private bool JoinSlots(Dictionary<SlotKey, ContentValue> other)
        {
            var changed = false;
            List<SlotKey>? removed = null;
            List<SlotKey>? weakened = null;
            foreach (var entry in _slots)
            {
                if (other.ContainsKey(entry.Key))
                {
                    continue;
                }

                if (entry.Key.IsMemberPath)
                {
                    (removed ??= new List<SlotKey>()).Add(entry.Key);
                }
                else if (!entry.Value.Join(ContentValue.Empty).Equals(entry.Value))
                {
                    (weakened ??= new List<SlotKey>()).Add(entry.Key);
                }
            }

            if (removed != null)
            {
                var slots = OwnSlots();
                foreach (var key in removed)
                {
                    slots.Remove(key);
                }

                changed = true;
            }

            if (weakened != null)
            {
                var slots = OwnSlots();
                foreach (var key in weakened)
                {
                    slots[key] = slots[key].Join(ContentValue.Empty);
                }

                changed = true;
            }

            foreach (var entry in other)
            {
                if (_slots.TryGetValue(entry.Key, out var mine))
                {
                    if (ReferenceEquals(mine, entry.Value))
                    {
                        continue;
                    }

                    var joined = mine.Join(entry.Value);
                    if (!joined.Equals(mine))
                    {
                        OwnSlots()[entry.Key] = joined;
                        changed = true;
                    }
                }
                else if (!entry.Key.IsMemberPath)
                {
                    OwnSlots()[entry.Key] = entry.Value.Join(ContentValue.Empty);
                    changed = true;
                }
            }

            return changed;
        }

        private bool JoinOriginFacts(FlowState other)
        {
            var changed = false;
            var indexes = new List<int>(_originFacts.Keys);
            foreach (var index in other._originFacts.Keys)
            {
                if (!_originFacts.ContainsKey(index))
                {
                    indexes.Add(index);
                }
            }

            foreach (var index in indexes)
            {
                var theirs = other._originFacts.TryGetValue(index, out var set) ? set : NoOrigins;
                _originFacts.TryGetValue(index, out var mine);
                if (!StepsJoinChanges(mine ?? NoOrigins, _generated, theirs, other._generated))
                {
                    continue;
                }

                var originFacts = OwnOriginFacts();
                if (!originFacts.TryGetValue(index, out mine))
                {
                    originFacts[index] = mine = new HashSet<Origin>();
                }

                JoinSteps(mine, _generated, theirs, other._generated);
                changed = true;
            }

            if (!_generated.IsSupersetOf(other._generated))
            {
                OwnGenerated().UnionWith(other._generated);
                changed = true;
            }

            return changed;
        }

        private static readonly HashSet<Origin> NoOrigins = new HashSet<Origin>();

        private static Dictionary<int, HashSet<Origin>> CopySets(Dictionary<int, HashSet<Origin>> sets)
        {
            var copy = new Dictionary<int, HashSet<Origin>>(sets.Count);
            foreach (var entry in sets)
            {
                copy[entry.Key] = new HashSet<Origin>(entry.Value);
            }

            return copy;
        }

        private void RemoveMemberPaths(SlotKey root)
        {
            List<SlotKey>? stale = null;
            foreach (var key in _slots.Keys)
            {
                if (key.IsMemberPath && key.RootKey.Equals(root))
                {
                    (stale ??= new List<SlotKey>()).Add(key);
                }
            }

            if (stale != null)
            {
                var slots = OwnSlots();
                foreach (var key in stale)
                {
                    slots.Remove(key);
                }
            }
        }

        /// <summary>Whether <see cref="JoinSteps"/> would change <paramref name="mine"/> (read-only, so a shared set is copied only when it must be).</summary>
        private static bool StepsJoinChanges(HashSet<Origin> mine, HashSet<Origin> myGenerated, HashSet<Origin> other, HashSet<Origin> otherGenerated)
        {
            foreach (var origin in mine)
            {
                if (!other.Contains(origin) && !(origin.Kind == OriginKind.Generation && !otherGenerated.Contains(origin)))
                {
                    return true;
                }
            }

            foreach (var origin in other)
            {
                if (!mine.Contains(origin) && origin.Kind == OriginKind.Generation && !myGenerated.Contains(origin))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// An origin fact holds after a merge when it holds on both paths; for a generation, a path on which it never ran counts
        /// as holding. Other origins (inputs, parameters) exist on every path.
        /// </summary>
        private static bool JoinSteps(HashSet<Origin> mine, HashSet<Origin> myGenerated, HashSet<Origin> other, HashSet<Origin> otherGenerated)
        {
            var changed = false;
            List<Origin>? dropped = null;
            foreach (var origin in mine)
            {
                if (!other.Contains(origin) && !(origin.Kind == OriginKind.Generation && !otherGenerated.Contains(origin)))
                {
                    (dropped ??= new List<Origin>()).Add(origin);
                }
            }

            if (dropped != null)
            {
                mine.ExceptWith(dropped);
                changed = true;
            }

            foreach (var origin in other)
            {
                if (!mine.Contains(origin) && origin.Kind == OriginKind.Generation && !myGenerated.Contains(origin) && (dropped == null || !dropped.Contains(origin)))
                {
                    mine.Add(origin);
                    changed = true;
                }
            }

            return changed;
        }
    }
}
