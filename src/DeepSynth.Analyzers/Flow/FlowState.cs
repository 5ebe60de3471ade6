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
    internal sealed class FlowState
    {
        private FlowState(Dictionary<SlotKey, ContentValue> slots, Dictionary<int, HashSet<Origin>> originFacts, HashSet<Origin> generated, FactSet pathFacts)
        {
            Slots = slots;
            OriginFacts = originFacts;
            Generated = generated;
            PathFacts = pathFacts;
        }

        public Dictionary<SlotKey, ContentValue> Slots { get; }

        /// <summary>Per origin fact (by index): the origins it covers on every path to here.</summary>
        private Dictionary<int, HashSet<Origin>> OriginFacts { get; }

        /// <summary>
        /// Generations that may have run on some path to here. A generation that has not run on a path vacuously has every
        /// origin fact there (a loop's first iteration joins a path where nothing was generated yet).
        /// </summary>
        public HashSet<Origin> Generated { get; }

        /// <summary>Path facts that hold on every path to here.</summary>
        public FactSet PathFacts { get; set; }

        public static FlowState Initial(FactSet pathFacts) =>
            new FlowState(new Dictionary<SlotKey, ContentValue>(), new Dictionary<int, HashSet<Origin>>(), new HashSet<Origin>(), pathFacts);

        public FlowState Clone() =>
            new FlowState(new Dictionary<SlotKey, ContentValue>(Slots), CopySets(OriginFacts), new HashSet<Origin>(Generated), PathFacts);

        /// <summary>The origin facts that cover <paramref name="origin"/> here.</summary>
        public FactSet OriginFactsOf(Origin origin)
        {
            var facts = FactSet.None;
            foreach (var entry in OriginFacts)
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
        public bool Covers(Fact fact, Origin origin) => OriginFacts.TryGetValue(fact.Index, out var origins) && origins.Contains(origin);

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

            if (!OriginFacts.TryGetValue(fact.Index, out var covered))
            {
                OriginFacts[fact.Index] = covered = new HashSet<Origin>();
            }

            covered.UnionWith(origins);
            MarkOrigins(origins, fact.Set);
        }

        /// <summary>
        /// Drops flow captures that cannot be read any more (their region is left): without this a long method keeps
        /// every capture it ever made, and each clone at an edge copies them all (quadratic in the method's size).
        /// </summary>
        public FlowState WithoutCapturesOutside(HashSet<CaptureId> live)
        {
            List<SlotKey>? dead = null;
            foreach (var key in Slots.Keys)
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
            foreach (var key in dead)
            {
                pruned.Slots.Remove(key);
            }

            return pruned;
        }

        public ContentValue Get(SlotKey key) => Slots.TryGetValue(key, out var value) ? value : ContentValue.Empty;

        public bool TryGet(SlotKey key, out ContentValue value) => Slots.TryGetValue(key, out value!);

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
                    Slots.Remove(key);
                    return;
                }
            }

            Slots[key] = value;
        }

        /// <summary>Replaces the value of a location and keeps what is tracked below it (a member written on the object).</summary>
        public void Replace(SlotKey key, ContentValue value) => Slots[key] = value;

        /// <summary>Adds content to a location without forgetting what it held (collections, builders, objects).</summary>
        public void Add(SlotKey key, ContentValue value)
        {
            if (value.IsEmpty)
            {
                return;
            }

            Slots[key] = Slots.TryGetValue(key, out var existing) ? existing.Combine(value).WithMarkersOf(existing).WithMarkersOf(value) : value.PiecesOnly();
        }

        /// <summary>Adds facts to the pieces held at a location and at every member path below it (labeling in place).</summary>
        public void ApplyFacts(SlotKey key, FactSet facts) => ApplyFacts(key, facts, FactSet.None);

        /// <summary>Like <see cref="ApplyFacts(SlotKey, FactSet)"/>, removing <paramref name="cleared"/> first (relabeling clears "metadata stripped").</summary>
        public void ApplyFacts(SlotKey key, FactSet facts, FactSet cleared)
        {
            List<KeyValuePair<SlotKey, ContentValue>>? updates = null;
            foreach (var entry in Slots)
            {
                if (entry.Key.Equals(key) || (entry.Key.IsMemberPath && entry.Key.RootKey.Equals(key.RootKey) &&
                    (key.Path == null || entry.Key.Path!.StartsWith(key.Path + ".", StringComparison.Ordinal))))
                {
                    (updates ??= new List<KeyValuePair<SlotKey, ContentValue>>()).Add(new KeyValuePair<SlotKey, ContentValue>(entry.Key, entry.Value.WithFacts(facts, cleared)));
                }
            }

            if (updates != null)
            {
                foreach (var update in updates)
                {
                    Slots[update.Key] = update.Value;
                }
            }
        }

        private void MarkOrigins(ICollection<Origin> origins, FactSet facts)
        {
            if (origins.Count == 0)
            {
                return;
            }

            List<KeyValuePair<SlotKey, ContentValue>>? updates = null;
            foreach (var entry in Slots)
            {
                if (entry.Value.Pieces.Any(p => p.Origin.IsCoveredBy(origins) && !p.Facts.HasAll(facts)))
                {
                    var marked = entry.Value.Map(p => ContentValue.Of(p.Origin.IsCoveredBy(origins) ? p.With(facts) : p), ~ValueMarkers.None);
                    (updates ??= new List<KeyValuePair<SlotKey, ContentValue>>()).Add(new KeyValuePair<SlotKey, ContentValue>(entry.Key, marked));
                }
            }

            if (updates != null)
            {
                foreach (var update in updates)
                {
                    Slots[update.Key] = update.Value;
                }
            }
        }

        /// <summary>Takes over everything another state holds (after a local function ran at a call).</summary>
        public void CopyFrom(FlowState other)
        {
            Slots.Clear();
            foreach (var entry in other.Slots)
            {
                Slots[entry.Key] = entry.Value;
            }

            OriginFacts.Clear();
            foreach (var entry in other.OriginFacts)
            {
                OriginFacts[entry.Key] = new HashSet<Origin>(entry.Value);
            }

            Generated.Clear();
            Generated.UnionWith(other.Generated);
            PathFacts = other.PathFacts;
        }

        /// <summary>A new generation at <paramref name="origin"/> is not the one a step covered before.</summary>
        public void ForgetStepsFor(Origin origin)
        {
            foreach (var covered in OriginFacts.Values)
            {
                covered.Remove(origin);
            }

            Generated.Add(origin);
        }

        /// <summary>Merges the state of another path into this one; returns true when this state changed.</summary>
        public bool JoinWith(FlowState other)
        {
            var changed = false;
            List<SlotKey>? removed = null;
            List<SlotKey>? weakened = null;
            foreach (var entry in Slots)
            {
                if (other.Slots.ContainsKey(entry.Key))
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
                foreach (var key in removed)
                {
                    Slots.Remove(key);
                }

                changed = true;
            }

            if (weakened != null)
            {
                foreach (var key in weakened)
                {
                    Slots[key] = Slots[key].Join(ContentValue.Empty);
                }

                changed = true;
            }

            foreach (var entry in other.Slots)
            {
                if (Slots.TryGetValue(entry.Key, out var mine))
                {
                    var joined = mine.Join(entry.Value);
                    if (!joined.Equals(mine))
                    {
                        Slots[entry.Key] = joined;
                        changed = true;
                    }
                }
                else if (!entry.Key.IsMemberPath)
                {
                    var joined = entry.Value.Join(ContentValue.Empty);
                    Slots[entry.Key] = joined;
                    changed = true;
                }
            }

            foreach (var index in OriginFacts.Keys.Union(other.OriginFacts.Keys).ToList())
            {
                if (!OriginFacts.TryGetValue(index, out var mine))
                {
                    OriginFacts[index] = mine = new HashSet<Origin>();
                }

                changed |= JoinSteps(mine, Generated, other.OriginFacts.TryGetValue(index, out var theirs) ? theirs : NoOrigins, other.Generated);
            }

            var generatedBefore = Generated.Count;
            Generated.UnionWith(other.Generated);
            changed |= Generated.Count != generatedBefore;
            var pathFacts = PathFacts & other.PathFacts;
            if (pathFacts != PathFacts)
            {
                PathFacts = pathFacts;
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
            foreach (var key in Slots.Keys)
            {
                if (key.IsMemberPath && key.RootKey.Equals(root))
                {
                    (stale ??= new List<SlotKey>()).Add(key);
                }
            }

            if (stale != null)
            {
                foreach (var key in stale)
                {
                    Slots.Remove(key);
                }
            }
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
